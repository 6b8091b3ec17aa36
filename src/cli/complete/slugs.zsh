# Article slugs where a command takes one: `artikel list --slugs` lists the library that the
# words typed so far name (--articles, --data-dir).
(( $+functions[_artikel_slugs] )) ||
_artikel_slugs() {
    local -a library slugs
    local i
    for (( i = 2; i < CURRENT; i++ )); do
        case "${words[i]}" in
            --articles|--data-dir) library+=("${words[i]}" "${words[i+1]}") ;;
        esac
    done
    slugs=(${(f)"$(${words[1]} "${library[@]}" list --slugs 2>/dev/null)"})
    compadd -a slugs
}

