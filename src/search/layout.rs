//! Text typed with the wrong keyboard layout: ЙЦУКЕН ↔ QWERTY (`rjyntqyth` is контейнер
//! typed on an English layout; `сгыещьы` is customs typed on a Russian one).

const QWERTY: &str = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const JCUKEN: &str = "йцукенгшщзхъфывапролджэячсмитьбюё";

/// `text` as it would read had it been typed in the other layout; `None` when no
/// character changes (nothing to retry).
pub fn switch(text: &str) -> Option<String> {
    let mut changed = false;
    let switched: String = text
        .chars()
        .map(|c| {
            let lower = c.to_lowercase().next().unwrap_or(c);
            let swap = QWERTY
                .chars()
                .position(|q| q == lower)
                .and_then(|at| JCUKEN.chars().nth(at))
                .or_else(|| {
                    JCUKEN
                        .chars()
                        .position(|j| j == lower)
                        .and_then(|at| QWERTY.chars().nth(at))
                });
            match swap {
                Some(other) => {
                    changed = true;
                    other
                }
                None => c,
            }
        })
        .collect();
    changed.then_some(switched)
}

#[cfg(test)]
mod tests {
    use super::switch;

    #[test]
    fn switches_both_ways() {
        assert_eq!(switch("rjyntqyth").as_deref(), Some("контейнер"));
        assert_eq!(switch("сгыещьы").as_deref(), Some("customs"));
        assert_eq!(switch("Rjyjcfvtyn").as_deref(), Some("коносамент"));
        assert_eq!(switch("提单"), None);
    }
}
