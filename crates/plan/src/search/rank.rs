//! Ranking: BM25 over the fields of a section, clause by clause.

use super::fuzzy::near;
use super::index::{FIELDS, Index, Posting};
use super::query::{Clause, parse};
use super::{Hit, MatchMode, RankParams, SearchOptions, SearchResults};

/// The most suggestions returned when nothing matched.
const MAX_SUGGESTIONS: usize = 3;

impl Index {
    /// Searches with explicit options (see [`SearchOptions`]).
    pub fn search_with(&self, query: &str, options: &SearchOptions) -> SearchResults {
        let params = &options.params;
        let parsed = parse(self, query, options.prefix, params);
        let n = self.doc_lens.len();
        let mut total = vec![0f32; n];
        let mut matched = vec![0usize; n];
        let mut clause_score = vec![0f32; n];
        let mut conj_score = vec![0f32; n];
        let mut conj_count = vec![0usize; n];
        for clause in &parsed.clauses {
            clause_score.iter_mut().for_each(|s| *s = 0.0);
            for alt in &clause.alternatives {
                if let [id] = alt.terms[..] {
                    let term = &self.terms[id as usize];
                    let idf = idf(n, term.postings.len());
                    for p in &term.postings {
                        let s = alt.weight * idf * self.bm25(p, params);
                        let best = &mut clause_score[p.doc as usize];
                        *best = best.max(s);
                    }
                    continue;
                }
                conj_score.iter_mut().for_each(|s| *s = 0.0);
                conj_count.iter_mut().for_each(|c| *c = 0);
                for &id in &alt.terms {
                    let term = &self.terms[id as usize];
                    let idf = idf(n, term.postings.len());
                    for p in &term.postings {
                        conj_score[p.doc as usize] += idf * self.bm25(p, params);
                        conj_count[p.doc as usize] += 1;
                    }
                }
                for doc in 0..n {
                    if conj_count[doc] == alt.terms.len() {
                        clause_score[doc] = clause_score[doc].max(alt.weight * conj_score[doc]);
                    }
                }
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
        let (mode, mut docs) = if options.require_all && !all.is_empty() {
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
        docs.sort_by(|&a, &b| total[b].total_cmp(&total[a]).then(a.cmp(&b)));
        docs.truncate(options.limit);
        let hits: Vec<Hit> = docs
            .into_iter()
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

/// Returns the BM25 inverse document frequency (never negative).
fn idf(docs: usize, df: usize) -> f32 {
    let (n, df) = (docs as f32, df as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}
