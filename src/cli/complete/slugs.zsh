# Article slugs where a command takes one: `artikel list --slugs` lists the library that the
# words typed so far name (--articles, --data-dir). The whole line is read, as `words` holds
# only the command's own words by now.
(( $+functions[_artikel_slugs] )) ||
_artikel_slugs() {
    local -a line library slugs
    local i first=0 command=artikel
    line=(${(z)BUFFER})
    # The words of this artikel command only: from the last word that names artikel (a path
    # to it too), never what runs before it on the line ("./x && artikel show").
    for (( i = 1; i <= ${#line}; i++ )); do
        [[ ${${(Q)line[i]}:t} == artikel ]] && { first=$i; command=${(Q)line[i]} }
    done
    (( first )) || return 1
    for (( i = first + 1; i < ${#line}; i++ )); do
        case "${line[i]}" in
            --articles|--data-dir) library+=("${line[i]}" "${(Q)line[i+1]}") ;;
        esac
    done
    slugs=(${(f)"$("$command" "${library[@]}" list --slugs 2>/dev/null)"})
    compadd -Q -a slugs
}

