//! The plan's content as static data, generated at build time from `content/`.

include!(concat!(env!("OUT_DIR"), "/plan.rs"));

#[cfg(test)]
mod tests {
    use super::PLAN;
    use std::path::Path;

    /// Guards that the generated constant is exactly what the loader reads from `content/`.
    #[test]
    fn generated_plan_equals_loaded_content() {
        let loaded =
            plan::content::load(&Path::new(env!("CARGO_MANIFEST_DIR")).join("content")).unwrap();
        assert_eq!(PLAN, loaded);
    }
}
