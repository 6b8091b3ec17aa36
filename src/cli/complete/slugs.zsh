# Article slugs where a command takes one: `artikel list --slugs` lists the library that the
# words typed so far name (--articles, --data-dir). The whole line is read, as `words` holds
# only the command's own words by now.
(( $+functions[_artikel_slugs] )) ||
_artikel_slugs() {
    local -a line library slugs
    local i
    line=(${(z)BUFFER})
    for (( i = 2; i < ${#line}; i++ )); do
        case "${line[i]}" in
            --articles|--data-dir) library+=("${line[i]}" "${(Q)line[i+1]}") ;;
        esac
    done
    slugs=(${(f)"$(${(Q)line[1]} "${library[@]}" list --slugs 2>/dev/null)"})
    compadd -a slugs
}

