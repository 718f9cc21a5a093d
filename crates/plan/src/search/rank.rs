//! Ranking: BM25 over the fields of a section, clause by clause.

use super::fuzzy::near;
use super::index::{FIELDS, Index, PART, Posting};
use super::order::sorted;
use super::query::{Alternative, Clause, parse};
use super::{Hit, MatchMode, RankParams, SearchOptions, SearchResults};

/// The most suggestions returned when nothing matched.
const MAX_SUGGESTIONS: usize = 3;
/// How far below the lowest score of sections with the unfinished word itself the sections
/// with only its completions stay, as a factor.
const EXACT_MARGIN: f32 = 0.9;

impl Index {
    /// Searches with explicit options (see [`SearchOptions`]).
    pub fn search_with(&self, query: &str, options: &SearchOptions) -> SearchResults {
        let params = &options.params;
        let parsed = parse(self, query, options.prefix, params);
        let n = self.doc_lens.len();
        let mut total = vec![0f32; n];
        let mut matched = vec![0usize; n];
        let mut clause_score = vec![0f32; n];
        let mut completion_score = vec![0f32; n];
        let mut scratch = Scratch {
            score: vec![0f32; n],
            count: vec![0usize; n],
        };
        for clause in &parsed.clauses {
            clause_score.fill(0.0);
            completion_score.fill(0.0);
            for alt in &clause.alternatives {
                // While the unfinished word is indexed itself, its completions count apart.
                let scores = if alt.completion && clause.exact.is_some() {
                    &mut completion_score
                } else {
                    &mut clause_score
                };
                self.score_alternative(alt, params, scores, &mut scratch);
            }
            if let Some(id) = clause.exact {
                self.rank_exact_first(id, &mut clause_score, &completion_score);
            }
            for doc in 0..n {
                if clause_score[doc] > 0.0 {
                    total[doc] += clause_score[doc];
                    matched[doc] += 1;
                }
            }
        }
        let required = parsed.clauses.len();
        let all: Vec<usize> = (0..n)
            .filter(|&d| required > 0 && matched[d] == required)
            .collect();
        let (mode, docs) = if options.require_all && !all.is_empty() {
            (MatchMode::All, all)
        } else {
            let any: Vec<usize> = (0..n).filter(|&d| matched[d] > 0).collect();
            (
                if any.len() == all.len() {
                    MatchMode::All
                } else {
                    MatchMode::Any
                },
                any,
            )
        };
        // Best first; equal scores keep the document order.
        let order = sorted(docs.len(), &|a, b| {
            total[docs[b]].total_cmp(&total[docs[a]])
        });
        let hits: Vec<Hit> = order
            .into_iter()
            .take(options.limit)
            .map(|i| docs[i])
            .map(|doc| Hit {
                doc,
                score: total[doc],
                terms: self.matched_terms(&parsed.clauses, doc),
            })
            .collect();
        let suggestions = if hits.is_empty() {
            self.suggest(&parsed.clauses)
        } else {
            Vec::new()
        };
        SearchResults {
            hits,
            mode,
            query_truncated: parsed.truncated,
            suggestions,
        }
    }

    /// Raises `scores` to the score of one alternative in each document that satisfies it.
    fn score_alternative(
        &self,
        alt: &Alternative,
        params: &RankParams,
        scores: &mut [f32],
        scratch: &mut Scratch,
    ) {
        let n = scores.len();
        if let [id] = alt.terms[..] {
            let term = &self.terms[id as usize];
            let idf = idf(n, term.postings.len());
            for p in &term.postings {
                let s = alt.weight * idf * self.bm25(p, params);
                let best = &mut scores[p.doc as usize];
                *best = best.max(s);
            }
            return;
        }
        scratch.score.fill(0.0);
        scratch.count.fill(0);
        for &id in &alt.terms {
            let term = &self.terms[id as usize];
            let idf = idf(n, term.postings.len());
            for p in &term.postings {
                scratch.score[p.doc as usize] += idf * self.bm25(p, params);
                scratch.count[p.doc as usize] += 1;
            }
        }
        for ((score, &sum), &count) in scores.iter_mut().zip(&scratch.score).zip(&scratch.count) {
            if count == alt.terms.len() {
                *score = score.max(alt.weight * sum);
            }
        }
    }

    /// Adds the completions of the unfinished query word to `clause_score` so that sections
    /// with the word itself (the term `id` as a whole word, not only as a compound part) rank
    /// above all sections with only its completions.
    ///
    /// Sections with the word count their `completion_score` as it is; the others count it
    /// scaled down, in proportion, below the score of every section with the word. So
    /// "Flüchtlinge", while being typed, ranks the sections with "Flüchtlinge" above those with
    /// only "Flüchtlingsaufnahme".
    fn rank_exact_first(&self, id: u32, clause_score: &mut [f32], completion_score: &[f32]) {
        let mut with = vec![false; clause_score.len()];
        for p in &self.terms[id as usize].postings {
            let doc = p.doc as usize;
            with[doc] = p.tf[..PART].iter().any(|&n| n > 0);
            if with[doc] {
                clause_score[doc] = clause_score[doc].max(completion_score[doc]);
            }
        }
        let floor = (0..clause_score.len())
            .filter(|&doc| with[doc])
            .map(|doc| clause_score[doc])
            .fold(f32::INFINITY, f32::min);
        let highest = (0..clause_score.len())
            .filter(|&doc| !with[doc])
            .map(|doc| completion_score[doc])
            .fold(0.0, f32::max);
        let factor = if highest >= floor {
            EXACT_MARGIN * floor / highest
        } else {
            1.0
        };
        for (doc, score) in clause_score.iter_mut().enumerate() {
            if !with[doc] {
                *score = score.max(factor * completion_score[doc]);
            }
        }
    }

    /// Returns the BM25 term-frequency factor of one posting (without the idf).
    fn bm25(&self, posting: &Posting, params: &RankParams) -> f32 {
        let weights: [f32; FIELDS] = [params.title, params.heading, params.text, params.part];
        let tf: f32 = posting
            .tf
            .iter()
            .zip(weights)
            .map(|(&n, w)| f32::from(n) * w)
            .sum();
        let len = self.doc_lens[posting.doc as usize] as f32;
        let norm = params.k1 * (1.0 - params.b + params.b * len / self.avg_len);
        tf * (params.k1 + 1.0) / (tf + norm)
    }

    /// Returns the stems of all alternatives' terms that occur in `doc`.
    fn matched_terms(&self, clauses: &[Clause], doc: usize) -> Vec<String> {
        let mut terms: Vec<String> = Vec::new();
        for alt in clauses.iter().flat_map(|c| &c.alternatives) {
            for &id in &alt.terms {
                let term = &self.terms[id as usize];
                let present = term
                    .postings
                    .binary_search_by_key(&(doc as u32), |p| p.doc)
                    .is_ok();
                if present && !terms.contains(&term.stem) {
                    terms.push(term.stem.clone());
                }
            }
        }
        terms
    }

    /// Returns the spellings of indexed words closest to the query words.
    fn suggest(&self, clauses: &[Clause]) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for clause in clauses {
            let letters = clause.folded.chars().count();
            if letters < 3 {
                continue;
            }
            let max = if letters >= 8 { 3 } else { 2 };
            let stem = super::text::stem(&clause.folded);
            for (id, _) in near(self, &stem, &clause.folded, max, MAX_SUGGESTIONS) {
                let display = &self.terms[id as usize].display;
                if !out.contains(display) && out.len() < MAX_SUGGESTIONS {
                    out.push(display.clone());
                }
            }
        }
        out
    }
}

/// Per-document buffers for scoring an alternative of several terms.
struct Scratch {
    /// The summed score of the terms found so far.
    score: Vec<f32>,
    /// How many of the terms were found.
    count: Vec<usize>,
}

/// Returns the BM25 inverse document frequency (never negative).
fn idf(docs: usize, df: usize) -> f32 {
    let (n, df) = (docs as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}
