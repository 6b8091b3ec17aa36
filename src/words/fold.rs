//! Folding text for matching: lower case, Danish letters spelled out (æ→ae, ø→oe, å→aa, and
//! ä/ö as typed on Swedish or German keyboards), accents dropped (é→e).

/// Appends `c`, folded, to `out`.
fn push_folded(out: &mut String, c: char) {
    match c {
        'A'..='Z' => out.push(c.to_ascii_lowercase()),
        c if c.is_ascii() => out.push(c),
        'æ' | 'Æ' | 'ä' | 'Ä' => out.push_str("ae"),
        'ø' | 'Ø' | 'ö' | 'Ö' => out.push_str("oe"),
        'å' | 'Å' => out.push_str("aa"),
        'ß' => out.push_str("ss"),
        c => match unaccented(c) {
            Some(base) => out.push(base),
            None => out.extend(c.to_lowercase()),
        },
    }
}

/// The letter under an accent, for the accented Latin letters a Danish text meets.
fn unaccented(c: char) -> Option<char> {
    let base = match c {
        'à' | 'á' | 'â' | 'ã' | 'ā' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ā' => 'a',
        'ç' | 'ć' | 'č' | 'Ç' | 'Ć' | 'Č' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ě' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' => 'i',
        'ñ' | 'ń' | 'ň' | 'Ñ' | 'Ń' | 'Ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ō' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ō' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        'š' | 'ś' | 'Š' | 'Ś' => 's',
        'ž' | 'ź' | 'ż' | 'Ž' | 'Ź' | 'Ż' => 'z',
        'ł' | 'Ł' => 'l',
        'ř' | 'Ř' => 'r',
        _ => return None,
    };
    Some(base)
}

/// `s` folded.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    fold_into(&mut out, s);
    out
}

/// Appends `s`, folded, to `out`: runs of ASCII are copied whole, the other letters folded
/// one by one (æ, ø and å without decoding them), and all of it lowered in one pass at the
/// end (what the letters were folded to is lower case already).
pub fn fold_into(out: &mut String, s: &str) {
    let start = out.len();
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = ascii_len(rest.as_bytes());
        out.push_str(&rest[..ascii]);
        rest = &rest[ascii..];
        let danish = match rest.as_bytes() {
            [0xc3, 0xa6 | 0x86, ..] => "ae",
            [0xc3, 0xb8 | 0x98, ..] => "oe",
            [0xc3, 0xa5 | 0x85, ..] => "aa",
            _ => "",
        };
        if !danish.is_empty() {
            out.push_str(danish);
            rest = &rest[2..];
            continue;
        }
        let mut chars = rest.chars();
        match chars.next() {
            Some(c) => push_folded(out, c),
            None => break,
        }
        rest = chars.as_str();
    }
    out[start..].make_ascii_lowercase();
}

/// How many bytes `bytes` starts with that are ASCII: looked at eight at a time, as the
/// runs between two Danish letters are some twenty bytes long.
fn ascii_len(bytes: &[u8]) -> usize {
    let mut n = 0;
    for chunk in bytes.chunks_exact(8) {
        let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
        if word & 0x8080_8080_8080_8080 != 0 {
            break;
        }
        n += 8;
    }
    n + bytes[n..].iter().position(|b| !b.is_ascii()).unwrap_or(bytes.len() - n)
}

/// `s` folded, with the byte offset in `s` of each byte of the result (and of its end), so
/// a match in folded text can be shown in the original.
pub fn fold_mapped(s: &str) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(s.len());
    let mut map = Vec::with_capacity(s.len() + 1);
    for (at, c) in s.char_indices() {
        let before = out.len();
        push_folded(&mut out, c);
        map.extend(std::iter::repeat_n(at, out.len() - before));
    }
    map.push(s.len());
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn danish_letters_are_spelled_out_and_accents_dropped() {
        assert_eq!(fold("Ondt i KNÆET på Ærø"), "ondt i knaeet paa aeroe");
        assert_eq!(fold("Spændingshovedpine"), "spaendingshovedpine");
        assert_eq!(fold("Café Zürich señor"), "cafe zurich senor");
        assert_eq!(fold("Smärta i höften"), "smaerta i hoeften");
        assert_eq!(fold("helbredes?"), "helbredes?");
    }

    #[test]
    fn folding_runs_of_ascii_whole_gives_what_folding_each_letter_gives() {
        for s in ["", "ABC", "Æ", "ÆbleR på ÅEN", "x\u{301}Y", "Ωmega ß ÉÈ 日本 zZ", "ab\u{1b}[31m Ø"]
        {
            let mut each = String::new();
            s.chars().for_each(|c| push_folded(&mut each, c));
            assert_eq!(fold(s), each, "{s:?}");
            let mut after = String::from("Før ");
            fold_into(&mut after, s);
            assert_eq!(after, format!("Før {each}"), "appended, what was there kept");
        }
    }

    proptest::proptest! {
        /// Wherever the letters outside ASCII fall (before, inside or after a run of eight),
        /// folding gives what folding each letter gives.
        #[test]
        fn folding_in_runs_gives_what_folding_each_letter_gives(s in "[a-zA-Z .?\\n]{0,12}([æøåÆØÅäÖéüÉ日ΣK][a-zA-Z ]{0,19}){0,6}") {
            let mut each = String::new();
            s.chars().for_each(|c| push_folded(&mut each, c));
            proptest::prop_assert_eq!(fold(&s), each);
            proptest::prop_assert_eq!(ascii_len(s.as_bytes()), s.find(|c: char| !c.is_ascii()).unwrap_or(s.len()));
        }
    }

    #[test]
    fn a_folded_match_maps_back_to_the_original_text() {
        let original = "Får du smærter?";
        let (folded, map) = fold_mapped(original);
        assert_eq!(folded, "faar du smaerter?");
        let at = folded.find("smaerter").expect("found");
        let (start, end) = (map[at], map[at + "smaerter".len()]);
        assert_eq!(&original[start..end], "smærter");
        assert_eq!(map.len(), folded.len() + 1);
    }
}
