//! The GermanQuAD passage-retrieval benchmark of the search engine (`cargo xtask bench-search`).
//!
//! It indexes the 474 passages of `docs.normalized.jsonl`, runs the 2,204 questions of
//! `queries.normalized.jsonl` and scores them against `qrels.normalized.jsonl` (one relevant
//! passage per question). The first 1,102 query lines are the dev half (parameters were tuned on
//! it alone), the last 1,102 lines the test half. A passage's first line (the article title)
//! becomes the title field and its `=== … ===` lines the heading field; the rest is the text.
//! Ranking uses [`plan::search::SearchOptions`] with `require_all = false` (every passage that
//! contains any query word is ranked, as in the published BM25 baselines); the app's own mode
//! (all words first) is reported on the side.
//!
//! With the environment variable `BENCH_SEARCH_TUNE=1` it instead tunes the ranking parameters by
//! coordinate ascent on the dev half alone and prints the best values found; they are then copied
//! into `RankParams::default` by hand.

use std::collections::HashMap;
use std::path::Path;
use std::time::Instant;

use plan::search::{Document, Index, SearchOptions, Synonyms};

/// The number of query lines in the dev half; the rest is the test half.
const DEV_QUERIES: usize = 1102;
/// Ranks beyond this do not count (MRR@10, Success@10).
const CUTOFF: usize = 10;

/// One passage, split into the fields the index knows.
struct Passage {
    id: String,
    title: String,
    heading: String,
    text: String,
}

/// One question with the id of its relevant passage.
struct Question {
    text: String,
    gold: String,
}

/// Reads the JSON Lines file `name` in `dir` and returns its objects.
fn read_jsonl(dir: &Path, name: &str) -> Result<Vec<serde_json::Value>, String> {
    let path = dir.join(name);
    let text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read {} ({e}); the GermanQuAD files are expected in {}",
            path.display(),
            dir.display()
        )
    })?;
    text.lines()
        .enumerate()
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(i, line)| {
            serde_json::from_str(line).map_err(|e| format!("{}:{}: {e}", path.display(), i + 1))
        })
        .collect()
}

/// Returns the string field `key` of a JSON object.
fn field(value: &serde_json::Value, key: &str) -> Result<String, String> {
    value[key]
        .as_str()
        .map(str::to_owned)
        .ok_or_else(|| format!("a line lacks the field \"{key}\""))
}

/// Cuts a GermanQuAD context into the fields the index knows.
fn passage(id: String, context: &str) -> Passage {
    let (title, heading, text) = plan::bench::split_passage(context);
    Passage {
        id,
        title,
        heading,
        text,
    }
}

/// Loads passages and questions from `data_dir`.
fn load(data_dir: &Path) -> Result<(Vec<Passage>, Vec<Question>, usize), String> {
    let docs = read_jsonl(data_dir, "docs.normalized.jsonl")?;
    let queries = read_jsonl(data_dir, "queries.normalized.jsonl")?;
    let qrels = read_jsonl(data_dir, "qrels.normalized.jsonl")?;
    let mut corpus_bytes = 0;
    let mut passages = Vec::with_capacity(docs.len());
    for doc in &docs {
        let text = field(doc, "text")?;
        corpus_bytes += text.len();
        passages.push(passage(field(doc, "doc_id")?, &text));
    }
    let mut gold: HashMap<String, String> = HashMap::new();
    for qrel in &qrels {
        gold.insert(field(qrel, "query_id")?, field(qrel, "doc_id")?);
    }
    let mut questions = Vec::with_capacity(queries.len());
    for query in &queries {
        let id = field(query, "query_id")?;
        let gold = gold
            .get(&id)
            .cloned()
            .ok_or_else(|| format!("query {id} has no qrel"))?;
        questions.push(Question {
            text: field(query, "query_text")?,
            gold,
        });
    }
    Ok((passages, questions, corpus_bytes))
}

/// Retrieval quality over a set of questions.
#[derive(Default, Clone, Copy)]
struct Scores {
    /// The mean reciprocal rank of the relevant passage within the first ten.
    pub mrr: f64,
    /// Share of questions whose relevant passage comes first.
    pub s1: f64,
    /// Share of questions whose relevant passage is among the first ten.
    pub s10: f64,
}

/// Scores the ranks (1-based, `None` = not in the first ten) of a set of questions.
fn scores(ranks: &[Option<usize>]) -> Scores {
    let n = ranks.len().max(1) as f64;
    Scores {
        mrr: ranks.iter().flatten().map(|&r| 1.0 / r as f64).sum::<f64>() / n,
        s1: ranks.iter().filter(|r| **r == Some(1)).count() as f64 / n,
        s10: ranks.iter().flatten().count() as f64 / n,
    }
}

/// Runs every question and returns the rank of its relevant passage and the latency in µs.
fn evaluate(
    index: &Index,
    passages: &[Passage],
    questions: &[Question],
    options: &SearchOptions,
) -> (Vec<Option<usize>>, Vec<f64>) {
    let mut ranks = Vec::with_capacity(questions.len());
    let mut micros = Vec::with_capacity(questions.len());
    for q in questions {
        let started = Instant::now();
        let results = index.search_with(&q.text, options);
        micros.push(started.elapsed().as_secs_f64() * 1e6);
        let rank = results
            .hits
            .iter()
            .position(|h| passages[h.doc].id == q.gold)
            .map(|p| p + 1);
        ranks.push(rank);
    }
    (ranks, micros)
}

/// Builds the index over the passages.
fn build(passages: &[Passage]) -> Index {
    let docs: Vec<Document<'_>> = passages
        .iter()
        .map(|p| Document {
            title: &p.title,
            heading: &p.heading,
            text: &p.text,
        })
        .collect();
    Index::build(&docs, &Synonyms::new())
}

/// Returns the `q`-quantile of the values.
fn quantile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted[((sorted.len() - 1) as f64 * q).round() as usize]
}

/// The options the benchmark ranks with: the engine's defaults, all passages ranked.
fn bench_options() -> SearchOptions {
    SearchOptions {
        require_all: false,
        ..SearchOptions::new(CUTOFF)
    }
}

/// Runs the benchmark on the files in `data_dir` and prints a table.
pub fn run(data_dir: &Path) -> Result<(), String> {
    if std::env::var_os("BENCH_SEARCH_TUNE").is_some() {
        return tune(data_dir);
    }
    let (passages, questions, corpus_bytes) = load(data_dir)?;
    let started = Instant::now();
    let index = build(&passages);
    let build_ms = started.elapsed().as_secs_f64() * 1e3;
    let bytes = index.to_bytes();
    let mut brotli_bytes = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut bytes.as_slice(), &mut brotli_bytes, &params)
        .map_err(|e| e.to_string())?;
    let index = Index::from_bytes(&bytes).map_err(|e| e.to_string())?;
    let options = bench_options();
    // One warm-up pass, so that the latencies measure the steady state.
    evaluate(&index, &passages, &questions, &options);
    let (ranks, micros) = evaluate(&index, &passages, &questions, &options);
    let app_options = SearchOptions::new(CUTOFF);
    let (app_ranks, _) = evaluate(&index, &passages, &questions, &app_options);
    let split = DEV_QUERIES.min(ranks.len());
    println!(
        "GermanQuAD passage retrieval: {} passages, {} questions",
        passages.len(),
        questions.len()
    );
    println!();
    println!("| queries          |     n | MRR@10 |    S@1 |   S@10 | MRR@10 app mode |");
    println!("|------------------|------:|-------:|-------:|-------:|----------------:|");
    for (name, range) in [
        ("dev (first half)", 0..split),
        ("test (last half)", split..ranks.len()),
        ("all", 0..ranks.len()),
    ] {
        let s = scores(&ranks[range.clone()]);
        let app = scores(&app_ranks[range.clone()]);
        println!(
            "| {name:<16} | {:>5} | {:.4} | {:.4} | {:.4} | {:>15.4} |",
            range.len(),
            s.mrr,
            s.s1,
            s.s10,
            app.mrr
        );
    }
    println!();
    println!(
        "query latency: p50 {:.0} µs, p99 {:.0} µs, max {:.0} µs",
        quantile(&micros, 0.5),
        quantile(&micros, 0.99),
        quantile(&micros, 1.0)
    );
    println!(
        "index: {} terms, {} bytes raw, {} bytes brotli; corpus {} bytes ({:.1} % / {:.1} %)",
        index.term_count(),
        bytes.len(),
        brotli_bytes.len(),
        corpus_bytes,
        100.0 * bytes.len() as f64 / corpus_bytes as f64,
        100.0 * brotli_bytes.len() as f64 / corpus_bytes as f64
    );
    println!("index build: {build_ms:.0} ms");
    Ok(())
}

/// Tunes the ranking parameters by coordinate ascent on the dev half only and prints each step.
///
/// The test half is never looked at here; `run` reports it with the parameters that are then
/// written into [`plan::search::RankParams::default`] by hand.
fn tune(data_dir: &Path) -> Result<(), String> {
    let (passages, questions, _) = load(data_dir)?;
    let index = build(&passages);
    let dev = &questions[..DEV_QUERIES.min(questions.len())];
    let mut options = bench_options();
    let mrr = |options: &SearchOptions| scores(&evaluate(&index, &passages, dev, options).0).mrr;
    let mut best = mrr(&options);
    println!("start: dev MRR@10 {best:.4} with {:?}", options.params);
    let grid: [f32; 9] = [0.5, 0.7, 0.8, 0.9, 1.1, 1.25, 1.5, 2.0, 3.0];
    for round in 0..3 {
        for knob in 0..11 {
            let current = get(&options.params, knob);
            let mut best_value = current;
            for factor in grid {
                let mut trial = options;
                set(
                    &mut trial.params,
                    knob,
                    (current * factor).min(if knob == 1 { 1.0 } else { f32::MAX }),
                );
                let m = mrr(&trial);
                if m > best + 1e-5 {
                    best = m;
                    best_value = get(&trial.params, knob);
                }
            }
            set(&mut options.params, knob, best_value);
        }
        println!(
            "round {round}: dev MRR@10 {best:.4} with {:?}",
            options.params
        );
    }
    Ok(())
}

/// Reads the `knob`-th ranking parameter.
fn get(p: &plan::search::RankParams, knob: usize) -> f32 {
    [
        p.k1, p.b, p.title, p.heading, p.text, p.part, p.prefix, p.fuzzy, p.synonym, p.split,
        p.head,
    ][knob]
}

/// Writes the `knob`-th ranking parameter.
fn set(p: &mut plan::search::RankParams, knob: usize, value: f32) {
    let slot = [
        &mut p.k1,
        &mut p.b,
        &mut p.title,
        &mut p.heading,
        &mut p.text,
        &mut p.part,
        &mut p.prefix,
        &mut p.fuzzy,
        &mut p.synonym,
        &mut p.split,
        &mut p.head,
    ];
    *slot.into_iter().nth(knob).expect("knob in range") = value;
}
