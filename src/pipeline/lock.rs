//! One run at a time per output dataset: an OS file lock, released when the
//! process ends however it ends (no stale lock files after a crash).

use fs2::FileExt;
use std::fs::File;
use std::io::{Read, Seek, Write};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum LockError {
    #[error(
        "another reportmine run{holder} is publishing to {dir}; try again when it has finished"
    )]
    Held { dir: PathBuf, holder: String },
    #[error("cannot lock {dir}: {source}")]
    Io {
        dir: PathBuf,
        source: std::io::Error,
    },
}

pub struct OutputLock {
    file: File,
}

impl OutputLock {
    pub fn acquire(dir: &Path) -> Result<OutputLock, LockError> {
        let io = |source| LockError::Io {
            dir: dir.to_path_buf(),
            source,
        };
        std::fs::create_dir_all(dir).map_err(io)?;
        let mut file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(dir.join(".lock"))
            .map_err(io)?;
        if file.try_lock_exclusive().is_err() {
            let mut pid = String::new();
            let _ = file.read_to_string(&mut pid);
            let holder = match pid.trim() {
                "" => String::new(),
                p => format!(" (process {p})"),
            };
            return Err(LockError::Held {
                dir: dir.to_path_buf(),
                holder,
            });
        }
        file.set_len(0).map_err(io)?;
        file.rewind().map_err(io)?;
        write!(file, "{}", std::process::id()).map_err(io)?;
        Ok(OutputLock { file })
    }
}

impl Drop for OutputLock {
    fn drop(&mut self) {
        let _ = FileExt::unlock(&self.file);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_lock_is_refused_until_the_first_is_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputLock::acquire(dir.path()).unwrap();
        let err = OutputLock::acquire(dir.path()).err().expect("refused");
        assert!(err.to_string().contains("another reportmine run"), "{err}");
        drop(first);
        assert!(OutputLock::acquire(dir.path()).is_ok());
    }
}
