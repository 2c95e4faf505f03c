//! What a refused import must tell the user.

use keruen::exchange::ImportError;

/// Asserts that `error`, the refusal of the file `bytes`, says something and points at
/// lines that are in the file.
pub fn assert_clear(bytes: &[u8], error: &ImportError) {
    match error {
        ImportError::Unreadable(message) => {
            assert!(
                !message.trim().is_empty(),
                "an unreadable file with no reason"
            );
        }
        ImportError::Problems(problems) => {
            assert!(!problems.is_empty(), "a refusal that lists no problem");
            let lines = line_count(bytes);
            for problem in problems {
                assert!(
                    !problem.message.trim().is_empty(),
                    "a problem with no message"
                );
                assert!(
                    (1..=lines).contains(&problem.line),
                    "problem on line {} of a file of {lines} line(s): {problem}",
                    problem.line
                );
            }
        }
    }
}

/// The most lines an editor could show for `bytes`: LF, CRLF and a lone CR each end one.
fn line_count(bytes: &[u8]) -> usize {
    let lone_crs = bytes
        .iter()
        .enumerate()
        .filter(|&(at, &b)| b == b'\r' && bytes.get(at + 1) != Some(&b'\n'))
        .count();
    1 + lone_crs + bytes.iter().filter(|&&b| b == b'\n').count()
}
