//! Password rules and hashing.
//!
//! Rules (PRODUCT.md): at least 8 characters, up to 1024, any Unicode, never truncated, no
//! composition rules; passwords that are common or easy to guess are refused with the reason
//! zxcvbn gives. Hashing is argon2id m=19456 KiB, t=2, p=1, run on the blocking pool with at
//! most one hash per core at a time so sign-in bursts cannot starve the executor.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::RecvTimeoutError;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use anyhow::Context;
use argon2::password_hash::{Output, ParamsString, SaltString};
use argon2::{Algorithm, Argon2, Block, Params, PasswordHash, Version};
use secrecy::{ExposeSecret, SecretString};
use tokio::sync::Semaphore;
use zxcvbn::feedback::{Suggestion, Warning};
use zxcvbn::{Score, zxcvbn};

use crate::domain::language::Language;

pub const MIN_PASSWORD_CHARS: usize = 8;
pub const MAX_PASSWORD_CHARS: usize = 1024;
/// zxcvbn's work grows with length; a password this long is judged on its start, which
/// alone must be hard to guess.
const STRENGTH_CHECK_CHARS: usize = 128;

/// Why a new password is refused; `say` gives the words (`locales/*/public.ftl`).
#[derive(Debug, PartialEq)]
pub enum PasswordProblem {
    TooShort,
    TooLong,
    TooGuessable(Weakness),
}

/// What zxcvbn finds easy to guess in a password: its warning, else its first suggestion.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Weakness {
    Warning(Warning),
    Suggestion(Suggestion),
    /// zxcvbn gave no reason.
    Unnamed,
}

impl Weakness {
    /// The sentence's message in the message files.
    pub fn message_id(self) -> &'static str {
        match self {
            Self::Warning(warning) => match warning {
                Warning::StraightRowsOfKeysAreEasyToGuess => "public-password-weak-straight-rows",
                Warning::ShortKeyboardPatternsAreEasyToGuess => {
                    "public-password-weak-keyboard-patterns"
                }
                Warning::RepeatsLikeAaaAreEasyToGuess => "public-password-weak-repeats",
                Warning::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess => {
                    "public-password-weak-repeated-groups"
                }
                Warning::ThisIsATop10Password => "public-password-weak-top-10",
                Warning::ThisIsATop100Password => "public-password-weak-top-100",
                Warning::ThisIsACommonPassword => "public-password-weak-common",
                Warning::ThisIsSimilarToACommonlyUsedPassword => "public-password-weak-similar",
                Warning::SequencesLikeAbcAreEasyToGuess => "public-password-weak-sequences",
                Warning::RecentYearsAreEasyToGuess => "public-password-weak-recent-years",
                Warning::AWordByItselfIsEasyToGuess => "public-password-weak-single-word",
                Warning::DatesAreOftenEasyToGuess => "public-password-weak-dates",
                Warning::NamesAndSurnamesByThemselvesAreEasyToGuess => "public-password-weak-names",
                Warning::CommonNamesAndSurnamesAreEasyToGuess => {
                    "public-password-weak-common-names"
                }
            },
            Self::Suggestion(suggestion) => match suggestion {
                Suggestion::UseAFewWordsAvoidCommonPhrases => "public-password-tip-few-words",
                Suggestion::NoNeedForSymbolsDigitsOrUppercaseLetters => {
                    "public-password-tip-no-symbols-needed"
                }
                Suggestion::AddAnotherWordOrTwo => "public-password-tip-another-word",
                Suggestion::CapitalizationDoesntHelpVeryMuch => "public-password-tip-capitals",
                Suggestion::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase => {
                    "public-password-tip-all-capitals"
                }
                Suggestion::ReversedWordsArentMuchHarderToGuess => "public-password-tip-reversed",
                Suggestion::PredictableSubstitutionsDontHelpVeryMuch => {
                    "public-password-tip-substitutions"
                }
                Suggestion::UseALongerKeyboardPatternWithMoreTurns => {
                    "public-password-tip-longer-pattern"
                }
                Suggestion::AvoidRepeatedWordsAndCharacters => "public-password-tip-repeats",
                Suggestion::AvoidSequences => "public-password-tip-sequences",
                Suggestion::AvoidRecentYears => "public-password-tip-recent-years",
                Suggestion::AvoidYearsThatAreAssociatedWithYou => "public-password-tip-your-years",
                Suggestion::AvoidDatesAndYearsThatAreAssociatedWithYou => {
                    "public-password-tip-your-dates"
                }
            },
            Self::Unnamed => "public-password-weak-default",
        }
    }
}

impl PasswordProblem {
    /// The refusal in `language`.
    pub fn say(&self, language: Language) -> String {
        match self {
            Self::TooShort => language
                .tr("public-password-too-short")
                .count(MIN_PASSWORD_CHARS)
                .to_string(),
            Self::TooLong => language
                .tr("public-password-too-long")
                .count(MAX_PASSWORD_CHARS)
                .to_string(),
            Self::TooGuessable(weakness) => language
                .tr("public-password-too-guessable")
                .arg("reason", language.t(weakness.message_id()))
                .to_string(),
        }
    }
}

/// In English, for the command line and the pages not yet in the visitor's language;
/// pages use `say`.
impl std::fmt::Display for PasswordProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.say(Language::English))
    }
}

impl std::error::Error for PasswordProblem {}

/// Checks a new password; `user_inputs` (email, name) count as easy to guess.
pub fn check_new_password(password: &str, user_inputs: &[&str]) -> Result<(), PasswordProblem> {
    let length = password.chars().count();
    if length < MIN_PASSWORD_CHARS {
        return Err(PasswordProblem::TooShort);
    }
    if length > MAX_PASSWORD_CHARS {
        return Err(PasswordProblem::TooLong);
    }
    let judged: String = password.chars().take(STRENGTH_CHECK_CHARS).collect();
    // An email's local part and the words of a name are guessable on their own too.
    let mut inputs: Vec<&str> = user_inputs.to_vec();
    for input in user_inputs {
        inputs.extend(
            input
                .split(['@', ' ', '.', '_', '-'])
                .filter(|part| part.len() >= 3),
        );
        if let Some((local, _)) = input.split_once('@') {
            inputs.push(local);
        }
    }
    let entropy = zxcvbn(&judged, &inputs);
    if entropy.score() >= Score::Three {
        return Ok(());
    }
    let weakness = entropy
        .feedback()
        .and_then(|feedback| {
            feedback.warning().map(Weakness::Warning).or_else(|| {
                feedback
                    .suggestions()
                    .first()
                    .map(|s| Weakness::Suggestion(*s))
            })
        })
        .unwrap_or(Weakness::Unnamed);
    Err(PasswordProblem::TooGuessable(weakness))
}

fn params() -> Params {
    Params::new(19_456, 2, 1, None).expect("OWASP argon2 parameters are valid")
}

/// Argon2's working memory (19 MiB a hash), reused: at most one set of blocks per hash
/// allowed at once is ever allocated. Freed and allocated anew on the blocking threads, it
/// would stay in each thread's allocator arena, and a login storm would leave the process
/// hundreds of MiB larger. Sets idle for a while are handed back to the kernel (and come
/// back, zeroed, on the next hash).
struct Memory {
    free: Mutex<Vec<BlockSet>>,
    /// Sets of blocks ever allocated: never more than the hashes allowed at once.
    allocated: AtomicUsize,
}

struct BlockSet {
    blocks: Vec<Block>,
    /// False once its pages were handed back to the kernel.
    resident: bool,
}

/// How long the hashing threads wait for work before handing idle memory back.
const IDLE_BEFORE_RELEASE: Duration = Duration::from_secs(10);

impl Memory {
    fn new() -> Self {
        Self {
            free: Mutex::new(Vec::new()),
            allocated: AtomicUsize::new(0),
        }
    }

    /// Runs `work` with `blocks` blocks of memory, taken from the pool (or allocated when
    /// the pool is empty) and given back afterwards.
    fn with_blocks<T>(&self, blocks: usize, work: impl FnOnce(&mut [Block]) -> T) -> T {
        let taken = self.free.lock().ok().and_then(|mut free| free.pop());
        let mut set = taken.unwrap_or_else(|| {
            self.allocated.fetch_add(1, Ordering::Relaxed);
            BlockSet {
                blocks: Vec::new(),
                resident: true,
            }
        });
        // Older hashes may use other parameters: the set grows to fit, never shrinks.
        if set.blocks.len() < blocks {
            set.blocks.resize(blocks, Block::default());
        }
        let result = work(&mut set.blocks[..blocks]);
        set.resident = true;
        if let Ok(mut free) = self.free.lock() {
            free.push(set);
        }
        result
    }

    /// Hands the pages of every idle set back to the kernel; the sets stay allocated.
    fn release_idle(&self) {
        let Ok(mut free) = self.free.lock() else {
            return;
        };
        for set in free.iter_mut().filter(|set| set.resident) {
            release_pages(&mut set.blocks);
            set.resident = false;
        }
    }
}

/// Drops the whole pages inside `blocks` from memory (MADV_DONTNEED): the next touch reads
/// zeros, a valid value for blocks of integers, and argon2 writes every block before it
/// reads it.
#[cfg(target_os = "linux")]
fn release_pages(blocks: &mut [Block]) {
    // SAFETY: sysconf reads a constant of the system.
    let page = usize::try_from(unsafe { libc::sysconf(libc::_SC_PAGESIZE) }).unwrap_or(4096);
    let range = blocks.as_mut_ptr_range();
    let start = (range.start as usize).next_multiple_of(page);
    let end = range.end as usize / page * page;
    if end > start {
        // SAFETY: [start, end) lies inside memory this function borrows mutably, owned by
        // a private allocation; no reference into it outlives this call.
        unsafe {
            libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_DONTNEED);
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn release_pages(_: &mut [Block]) {}

/// How much nicer than the threads serving pages the hashing threads are: a page never
/// waits behind a hash while logins saturate the CPU.
const HASH_NICE: i32 = 10;
/// The time slice a hashing thread asks for (Linux 6.12 and later; older kernels ignore
/// it). Under EEVDF a thread woken to serve a page preempts a running thread at once only
/// when its slice is the shorter: with the default slice it would wait out up to a few
/// milliseconds of the hash's, at each of the several wake-ups a page takes. A long slice
/// also lets a hash run unbroken by the other hash.
const HASH_SLICE_NS: u64 = 100_000_000;

type Job = Box<dyn FnOnce(&Memory) + Send>;

/// Threads of their own for argon2, at a lower scheduling priority, sharing the pooled
/// memory. They end when their `Passwords` is dropped.
struct HashThreads {
    jobs: std::sync::mpsc::Sender<Job>,
}

impl HashThreads {
    fn start(count: usize, memory: Arc<Memory>) -> anyhow::Result<Self> {
        let (jobs, queue) = std::sync::mpsc::channel::<Job>();
        let queue = Arc::new(Mutex::new(queue));
        for n in 0..count {
            let queue = queue.clone();
            let memory = memory.clone();
            std::thread::Builder::new()
                .name(format!("argon2-{n}"))
                .spawn(move || {
                    lower_priority();
                    loop {
                        let job = match queue.lock() {
                            Ok(queue) => queue.recv_timeout(IDLE_BEFORE_RELEASE),
                            Err(_) => return,
                        };
                        match job {
                            Ok(job) => job(&memory),
                            Err(RecvTimeoutError::Timeout) => memory.release_idle(),
                            Err(RecvTimeoutError::Disconnected) => return,
                        }
                    }
                })
                .context("starting a hashing thread")?;
        }
        Ok(Self { jobs })
    }

    async fn run<T: Send + 'static>(
        &self,
        work: impl FnOnce(&Memory) -> T + Send + 'static,
    ) -> anyhow::Result<T> {
        let (done, result) = tokio::sync::oneshot::channel();
        self.jobs
            .send(Box::new(move |memory| {
                let _ = done.send(work(memory));
            }))
            .map_err(|_| anyhow::anyhow!("the hashing threads stopped"))?;
        result.await.context("a hashing thread failed")
    }
}

/// `struct sched_attr` of sched_setattr(2), which libc does not wrap.
#[cfg(target_os = "linux")]
#[repr(C)]
#[derive(Default)]
struct SchedAttr {
    size: u32,
    policy: u32,
    flags: u64,
    nice: i32,
    priority: u32,
    /// For SCHED_OTHER: the thread's time slice.
    runtime: u64,
    deadline: u64,
    period: u64,
    util_min: u32,
    util_max: u32,
}

/// Lowers the calling thread's scheduling priority and gives it a long slice (on Linux
/// both are per thread). Where sched_setattr is refused, the nice value alone.
#[cfg(target_os = "linux")]
fn lower_priority() {
    let attr = SchedAttr {
        size: std::mem::size_of::<SchedAttr>() as u32,
        policy: libc::SCHED_OTHER as u32,
        nice: HASH_NICE,
        runtime: HASH_SLICE_NS,
        ..SchedAttr::default()
    };
    // SAFETY: sched_setattr reads `attr` (sized by its `size` field) for the calling
    // thread (0); gettid and setpriority take plain integers.
    let failed = unsafe {
        libc::syscall(libc::SYS_sched_setattr, 0, &raw const attr, 0) != 0 && {
            let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
            libc::setpriority(libc::PRIO_PROCESS, tid, HASH_NICE) != 0
        }
    };
    if failed {
        tracing::warn!("Could not lower the priority of a hashing thread");
    }
}

#[cfg(not(target_os = "linux"))]
fn lower_priority() {}

/// Hashes and verifies passwords off the async executor, on threads of their own at a
/// lower priority, a bounded number at a time.
#[derive(Clone)]
pub struct Passwords {
    permits: Arc<Semaphore>,
    memory: Arc<Memory>,
    threads: Arc<HashThreads>,
    /// Verified for unknown accounts so their timing matches a real check.
    dummy_hash: Arc<str>,
}

impl Passwords {
    /// The process's one hasher: its bound on concurrent hashes is per machine, so every
    /// application in the process (tests start many) shares it.
    pub fn shared() -> anyhow::Result<Self> {
        static SHARED: std::sync::OnceLock<Passwords> = std::sync::OnceLock::new();
        if let Some(passwords) = SHARED.get() {
            return Ok(passwords.clone());
        }
        let passwords = Self::new()?;
        Ok(SHARED.get_or_init(|| passwords).clone())
    }

    pub fn new() -> anyhow::Result<Self> {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Self::with_concurrency(cores)
    }

    /// A hasher running at most `concurrency` hashes at once.
    pub fn with_concurrency(concurrency: usize) -> anyhow::Result<Self> {
        let memory = Arc::new(Memory::new());
        let dummy = SecretString::from(crate::domain::tokens::random_token());
        Ok(Self {
            permits: Arc::new(Semaphore::new(concurrency)),
            dummy_hash: hash_blocking(&memory, &dummy)?.into(),
            threads: Arc::new(HashThreads::start(concurrency, memory.clone())?),
            memory,
        })
    }

    /// Sets of argon2 blocks this hasher ever allocated (at most its concurrency).
    pub fn memory_sets_allocated(&self) -> usize {
        self.memory.allocated.load(Ordering::Relaxed)
    }

    #[tracing::instrument(name = "Hash a password", skip_all)]
    pub async fn hash(&self, password: SecretString) -> anyhow::Result<String> {
        let _permit = self
            .permits
            .acquire()
            .await
            .context("the hashing pool closed")?;
        self.threads
            .run(move |memory| hash_blocking(memory, &password))
            .await?
    }

    /// True when `password` matches `stored`; with no stored hash (unknown account, or a
    /// phone-only user) a dummy hash is verified and the answer is false.
    #[tracing::instrument(name = "Verify a password", skip_all)]
    pub async fn verify(
        &self,
        password: SecretString,
        stored: Option<String>,
    ) -> anyhow::Result<bool> {
        let (hash, known) = match stored {
            Some(hash) => (hash, true),
            None => (self.dummy_hash.to_string(), false),
        };
        let _permit = self
            .permits
            .acquire()
            .await
            .context("the hashing pool closed")?;
        let matches = self
            .threads
            .run(move |memory| verify_blocking(memory, &password, &hash))
            .await??;
        Ok(matches && known)
    }
}

/// The raw argon2 output of `password` under `salt`, in pooled memory.
fn raw_hash(
    memory: &Memory,
    argon2: &Argon2<'_>,
    params: &Params,
    password: &SecretString,
    salt: &[u8],
    len: usize,
) -> anyhow::Result<Output> {
    memory.with_blocks(params.block_count(), |blocks| {
        Output::init_with(len, |out| {
            argon2
                .hash_password_into_with_memory(
                    password.expose_secret().as_bytes(),
                    salt,
                    out,
                    blocks,
                )
                .map_err(|_| argon2::password_hash::Error::Password)
        })
        .map_err(|err| anyhow::anyhow!("hashing a password: {err}"))
    })
}

fn hash_blocking(memory: &Memory, password: &SecretString) -> anyhow::Result<String> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt
        .as_salt()
        .decode_b64(&mut salt_bytes)
        .map_err(|err| anyhow::anyhow!("decoding a fresh salt: {err}"))?;
    let params = params();
    let argon2 = Argon2::new(Algorithm::Argon2id, Version::V0x13, params.clone());
    let len = params.output_len().unwrap_or(Params::DEFAULT_OUTPUT_LEN);
    let output = raw_hash(memory, &argon2, &params, password, salt_bytes, len)?;
    let hash = PasswordHash {
        algorithm: Algorithm::Argon2id.ident(),
        version: Some(Version::V0x13.into()),
        params: ParamsString::try_from(&params)
            .map_err(|err| anyhow::anyhow!("encoding the parameters: {err}"))?,
        salt: Some(salt.as_salt()),
        hash: Some(output),
    };
    Ok(hash.to_string())
}

fn verify_blocking(memory: &Memory, password: &SecretString, stored: &str) -> anyhow::Result<bool> {
    let malformed =
        |err: argon2::password_hash::Error| anyhow::anyhow!("a stored hash is malformed: {err}");
    let parsed = PasswordHash::new(stored).map_err(malformed)?;
    let (Some(salt), Some(expected)) = (parsed.salt, parsed.hash) else {
        anyhow::bail!("a stored hash has no salt or no output");
    };
    // The parameters come from the stored hash, so older hashes keep verifying.
    let algorithm = Algorithm::try_from(parsed.algorithm).map_err(malformed)?;
    let version = parsed
        .version
        .map(Version::try_from)
        .transpose()
        .map_err(|err| anyhow::anyhow!("a stored hash is malformed: {err}"))?
        .unwrap_or_default();
    let params = Params::try_from(&parsed).map_err(malformed)?;
    let mut salt_bytes = [0u8; 64];
    let salt_bytes = salt.decode_b64(&mut salt_bytes).map_err(malformed)?;
    let argon2 = Argon2::new(algorithm, version, params.clone());
    let computed = raw_hash(
        memory,
        &argon2,
        &params,
        password,
        salt_bytes,
        expected.len(),
    )?;
    // `Output` compares in constant time.
    Ok(computed == expected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_passwords_are_refused() {
        assert_eq!(
            check_new_password("Ab1!xyz", &[]),
            Err(PasswordProblem::TooShort)
        );
    }

    #[test]
    fn length_counts_characters_not_bytes() {
        // Seven characters, fourteen bytes.
        assert_eq!(
            check_new_password("ääääääß", &[]),
            Err(PasswordProblem::TooShort)
        );
        assert!(check_new_password("Grüße aus Köln am Rhein", &[]).is_ok());
    }

    #[test]
    fn very_long_passwords_are_refused() {
        let long = "correct horse battery staple ".repeat(40);
        assert_eq!(
            check_new_password(&long, &[]),
            Err(PasswordProblem::TooLong)
        );
    }

    #[test]
    fn common_passwords_are_refused_with_a_reason() {
        for weak in ["password", "password123", "qwertyuiop", "11111111"] {
            match check_new_password(weak, &[]) {
                Err(PasswordProblem::TooGuessable(weakness)) => {
                    assert_ne!(weakness, Weakness::Unnamed, "{weak}");
                }
                other => panic!("{weak} gave {other:?}"),
            }
        }
    }

    #[test]
    fn the_reason_reads_as_a_sentence() {
        let problem = check_new_password("password", &[]).unwrap_err();
        assert_eq!(
            problem.to_string(),
            "This password is too easy to guess. This is a top-10 common password."
        );
        assert_eq!(
            problem.say(Language::German),
            "Dieses Passwort ist zu leicht zu erraten. Dies ist eines der 10 häufigsten Passwörter."
        );
        assert_eq!(
            PasswordProblem::TooShort.say(Language::Estonian),
            "Kasuta vähemalt 8 märki."
        );
    }

    #[test]
    fn every_weakness_reads_in_every_language() {
        use Suggestion as S;
        use Warning as W;
        let warnings = [
            W::StraightRowsOfKeysAreEasyToGuess,
            W::ShortKeyboardPatternsAreEasyToGuess,
            W::RepeatsLikeAaaAreEasyToGuess,
            W::RepeatsLikeAbcAbcAreOnlySlightlyHarderToGuess,
            W::ThisIsATop10Password,
            W::ThisIsATop100Password,
            W::ThisIsACommonPassword,
            W::ThisIsSimilarToACommonlyUsedPassword,
            W::SequencesLikeAbcAreEasyToGuess,
            W::RecentYearsAreEasyToGuess,
            W::AWordByItselfIsEasyToGuess,
            W::DatesAreOftenEasyToGuess,
            W::NamesAndSurnamesByThemselvesAreEasyToGuess,
            W::CommonNamesAndSurnamesAreEasyToGuess,
        ];
        let suggestions = [
            S::UseAFewWordsAvoidCommonPhrases,
            S::NoNeedForSymbolsDigitsOrUppercaseLetters,
            S::AddAnotherWordOrTwo,
            S::CapitalizationDoesntHelpVeryMuch,
            S::AllUppercaseIsAlmostAsEasyToGuessAsAllLowercase,
            S::ReversedWordsArentMuchHarderToGuess,
            S::PredictableSubstitutionsDontHelpVeryMuch,
            S::UseALongerKeyboardPatternWithMoreTurns,
            S::AvoidRepeatedWordsAndCharacters,
            S::AvoidSequences,
            S::AvoidRecentYears,
            S::AvoidYearsThatAreAssociatedWithYou,
            S::AvoidDatesAndYearsThatAreAssociatedWithYou,
        ];
        let weaknesses = warnings
            .map(Weakness::Warning)
            .into_iter()
            .chain(suggestions.map(Weakness::Suggestion))
            .chain([Weakness::Unnamed]);
        for weakness in weaknesses {
            // zxcvbn's own English stays word for word.
            match weakness {
                Weakness::Warning(w) => {
                    assert_eq!(Language::English.t(weakness.message_id()), w.to_string())
                }
                Weakness::Suggestion(s) => {
                    assert_eq!(Language::English.t(weakness.message_id()), s.to_string())
                }
                Weakness::Unnamed => {}
            }
            for language in Language::ALL {
                let words = PasswordProblem::TooGuessable(weakness).say(language);
                assert!(
                    words.ends_with('.') && !words.contains("Unknown localization"),
                    "{weakness:?} in {}: {words}",
                    language.code()
                );
            }
        }
    }

    #[test]
    fn the_users_own_details_count_as_guessable() {
        assert!(check_new_password("ada.lovelace1815", &["ada.lovelace1815@example.com"]).is_err());
    }

    #[test]
    fn a_passphrase_is_accepted() {
        assert!(check_new_password("violet kettle sings at dawn", &[]).is_ok());
    }

    #[test]
    fn hashes_are_argon2id_with_owasp_parameters_and_verify() {
        let memory = Memory::new();
        let hash = hash_blocking(&memory, &SecretString::from("violet kettle sings")).unwrap();
        assert!(
            hash.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{hash}"
        );
        let verify = |password: &str| {
            verify_blocking(&memory, &SecretString::from(password), &hash).unwrap()
        };
        assert!(verify("violet kettle sings"));
        assert!(!verify("violet kettle sing"));
    }

    #[test]
    fn hashes_made_by_the_reference_implementation_verify_and_ours_verify_there() {
        use argon2::{PasswordHasher, PasswordVerifier};
        let memory = Memory::new();
        let password = SecretString::from("violet kettle sings");
        let salt = SaltString::generate(&mut rand::rngs::OsRng);
        let reference = Argon2::new(Algorithm::Argon2id, Version::V0x13, params())
            .hash_password(b"violet kettle sings", &salt)
            .unwrap()
            .to_string();
        assert!(verify_blocking(&memory, &password, &reference).unwrap());
        // Other parameters (an older hash) verify too.
        let older = Argon2::new(
            Algorithm::Argon2id,
            Version::V0x13,
            Params::new(8192, 3, 1, None).unwrap(),
        )
        .hash_password(b"violet kettle sings", &salt)
        .unwrap()
        .to_string();
        assert!(verify_blocking(&memory, &password, &older).unwrap());
        let ours = hash_blocking(&memory, &password).unwrap();
        let parsed = PasswordHash::new(&ours).unwrap();
        assert!(
            Argon2::default()
                .verify_password(b"violet kettle sings", &parsed)
                .is_ok()
        );
        assert!(verify_blocking(&memory, &password, "$argon2id$v=19$garbage").is_err());
    }

    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn hashes_run_at_a_lower_priority_than_the_caller() {
        fn own_nice() -> i32 {
            // SAFETY: plain integers in and out.
            unsafe {
                let tid = libc::syscall(libc::SYS_gettid) as libc::id_t;
                libc::getpriority(libc::PRIO_PROCESS, tid)
            }
        }
        let passwords = Passwords::with_concurrency(1).unwrap();
        let caller = own_nice();
        let hashing = passwords.threads.run(|_| own_nice()).await.unwrap();
        assert_eq!(hashing, (caller + HASH_NICE).min(19), "caller {caller}");
    }

    /// Custom slices exist from Linux 6.12; older kernels report none.
    #[cfg(target_os = "linux")]
    #[tokio::test]
    async fn hashing_threads_ask_for_a_long_slice() {
        fn own_slice() -> u64 {
            let mut attr = SchedAttr::default();
            let size = std::mem::size_of::<SchedAttr>() as u32;
            // SAFETY: sched_getattr writes at most `size` bytes into `attr`.
            let rc = unsafe { libc::syscall(libc::SYS_sched_getattr, 0, &raw mut attr, size, 0) };
            assert_eq!(rc, 0, "{}", std::io::Error::last_os_error());
            attr.runtime
        }
        let release = std::fs::read_to_string("/proc/sys/kernel/osrelease").unwrap();
        let mut numbers = release.split(|c: char| !c.is_ascii_digit());
        let major: u32 = numbers.next().unwrap().parse().unwrap();
        let minor: u32 = numbers.next().unwrap().parse().unwrap();
        let passwords = Passwords::with_concurrency(1).unwrap();
        let hashing = passwords.threads.run(|_| own_slice()).await.unwrap();
        if (major, minor) >= (6, 12) {
            assert_eq!(hashing, HASH_SLICE_NS, "kernel {release}");
            assert_ne!(own_slice(), HASH_SLICE_NS, "the caller keeps its own slice");
        }
    }

    /// Resident pages of a set of blocks, by mincore(2).
    #[cfg(target_os = "linux")]
    fn resident_pages(blocks: &[Block]) -> usize {
        // SAFETY: sysconf reads a constant; mincore writes one byte per page of a range of
        // our own mapped memory into a vector of that many bytes.
        unsafe {
            let page = libc::sysconf(libc::_SC_PAGESIZE) as usize;
            let range = blocks.as_ptr_range();
            let start = (range.start as usize).next_multiple_of(page);
            let end = range.end as usize / page * page;
            let mut pages = vec![0u8; (end - start) / page];
            let rc = libc::mincore(start as *mut libc::c_void, end - start, pages.as_mut_ptr());
            assert_eq!(rc, 0, "{}", std::io::Error::last_os_error());
            pages.iter().filter(|&&p| p & 1 == 1).count()
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn idle_memory_goes_back_to_the_kernel_and_still_hashes() {
        let memory = Memory::new();
        let password = SecretString::from("violet kettle sings");
        let stored = hash_blocking(&memory, &password).unwrap();
        let resident = |memory: &Memory| {
            let free = memory.free.lock().unwrap();
            free.iter()
                .map(|set| resident_pages(&set.blocks))
                .sum::<usize>()
        };
        // 19 MiB of 4 KiB pages, all touched by the hash.
        assert!(resident(&memory) > 4800, "{}", resident(&memory));
        memory.release_idle();
        assert_eq!(resident(&memory), 0);
        assert!(!memory.free.lock().unwrap()[0].resident);
        // The zeroed set hashes as well as a fresh one, and is in memory again.
        assert!(verify_blocking(&memory, &password, &stored).unwrap());
        assert!(!verify_blocking(&memory, &SecretString::from("wrong"), &stored).unwrap());
        assert!(resident(&memory) > 4800);
        assert_eq!(memory.allocated.load(Ordering::Relaxed), 1);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn a_burst_of_hashes_never_allocates_more_memory_than_its_concurrency() {
        let passwords = Passwords::with_concurrency(2).unwrap();
        let stored = passwords
            .hash(SecretString::from("violet kettle sings"))
            .await
            .unwrap();
        let burst = (0..16).map(|n| {
            let passwords = passwords.clone();
            let stored = stored.clone();
            tokio::spawn(async move {
                let typed = if n % 2 == 0 {
                    "violet kettle sings"
                } else {
                    "wrong"
                };
                passwords
                    .verify(SecretString::from(typed), Some(stored))
                    .await
                    .unwrap()
            })
        });
        let results = futures_util::future::join_all(burst).await;
        assert_eq!(
            results.into_iter().filter(|r| *r.as_ref().unwrap()).count(),
            8
        );
        assert!(
            passwords.memory_sets_allocated() <= 2,
            "{} sets of blocks for 2 hashes at once",
            passwords.memory_sets_allocated()
        );
        assert!(passwords.memory.free.lock().unwrap().len() <= 2);
    }
}
