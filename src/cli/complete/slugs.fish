
# Article slugs where a command takes one: `artikel list --slugs` lists the library that the
# words typed so far name (--articles, --data-dir).
function __fish_artikel_slugs
    set -l tokens (commandline -opc)
    set -l library
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case --articles --data-dir
                set -a library $tokens[$i] $tokens[(math $i + 1)]
        end
    end
    $tokens[1] $library list --slugs 2>/dev/null
end
complete -c artikel -n "__fish_artikel_using_subcommand show toc open notes" -f -a "(__fish_artikel_slugs)"
complete -c artikel -n "__fish_artikel_using_subcommand notes; and __fish_seen_subcommand_from add" -f -a "(__fish_artikel_slugs)"
complete -c artikel -n "__fish_artikel_using_subcommand review; and __fish_seen_subcommand_from approve request-changes withdraw override diff status log" -f -a "(__fish_artikel_slugs)"
