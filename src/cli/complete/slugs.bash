
# Article slugs where a command takes one: `artikel list --slugs` lists the library that the
# words typed so far name (--articles, --data-dir); everything else is clap's.
_artikel_slugs() {
    local cur="${COMP_WORDS[COMP_CWORD]}" i word words=() library=()
    for ((i = 1; i < COMP_CWORD; i++)); do
        word="${COMP_WORDS[i]}"
        case "$word" in
            --articles|--data-dir)
                library+=("$word" "${COMP_WORDS[i+1]}")
                ((i++)) ;;
            --color|--stale-months|--ledger|--theme|--lang|--width|--section|-m|--message|--reviewer|--format|--head|--approvals|--leads)
                ((i++)) ;;
            -*) ;;
            *) words+=("$word") ;;
        esac
    done
    case "${words[*]}" in
        show|toc|open|notes|"notes add"|"review approve"|"review request-changes"|"review withdraw"|"review override"|"review diff"|"review status"|"review log")
            if [[ "$cur" != -* ]]; then
                # Each slug compared as text and offered quoted: a file name is never
                # expanded or run (compgen -W would expand $(…) in it).
                local slug
                COMPREPLY=()
                while IFS= read -r slug; do
                    [[ "$slug" == "$cur"* ]] && COMPREPLY+=("$(printf '%q' "$slug")")
                done < <("${COMP_WORDS[0]}" "${library[@]}" list --slugs 2>/dev/null)
                return 0
            fi ;;
    esac
    _artikel "$@"
}

if [[ "${BASH_VERSINFO[0]}" -eq 4 && "${BASH_VERSINFO[1]}" -ge 4 || "${BASH_VERSINFO[0]}" -gt 4 ]]; then
    complete -F _artikel_slugs -o nosort -o bashdefault -o default artikel
else
    complete -F _artikel_slugs -o bashdefault -o default artikel
fi
