//! `kompass synthetic` (hidden): one synthetic evaluation per municipality, for tests and
//! benchmarks.

use std::process::ExitCode;

/// `kompass synthetic`: one synthetic evaluation per municipality, for tests and benchmarks.
pub fn run(dir: &std::path::Path, count: usize, seed: u64) -> super::Run {
    let write = std::fs::create_dir_all(dir).and_then(|()| {
        for m in kompass::municipalities::all().iter().take(count) {
            let name = format!(
                "{}-{}.toml",
                m.code,
                m.name.to_lowercase().replace(' ', "-")
            );
            std::fs::write(dir.join(name), kompass::synthetic::evaluation(m, seed))?;
        }
        Ok(())
    });
    write.map_err(|e| super::Failure::text(format!("{}: {e}", dir.display())))?;
    Ok(ExitCode::SUCCESS)
}
