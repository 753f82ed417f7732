//! A listing's `Cargo.toml` made buildable outside the book: what it inherits from the book's
//! workspace (`edition.workspace = true`, `dep = { workspace = true }`) is written out, the
//! harness's own table (`[package.metadata.listing]`) is dropped, and an empty `[workspace]`
//! makes the folder its own workspace. Used for a listing's download and for the reader's copy
//! of an exercise (`cargo xtask exercise`).

use toml::{Table, Value};

const DEPENDENCY_TABLES: [&str; 3] = ["dependencies", "dev-dependencies", "build-dependencies"];

/// The standalone manifest of a package whose manifest is `listing`, in the workspace whose
/// root manifest is `workspace`. `name` replaces the package's name when given; `path_dep`
/// maps a path dependency's `path` to where it is in the copy (an error if it cannot go);
/// `own_workspace` adds the empty `[workspace]` table (a package that is a member of the
/// copy's workspace, such as a path dependency copied inside it, must not have one).
pub fn manifest(
    listing: &str,
    workspace: &str,
    name: Option<&str>,
    own_workspace: bool,
    path_dep: &dyn Fn(&str) -> Result<String, String>,
) -> Result<String, String> {
    let mut manifest: Table =
        toml::from_str(listing).map_err(|e| format!("the package's manifest: {}", e.message()))?;
    let root: Table = toml::from_str(workspace)
        .map_err(|e| format!("the workspace's manifest: {}", e.message()))?;
    let inherited = |table: &str| {
        root.get("workspace").and_then(|w| w.get(table)).and_then(Value::as_table).cloned()
    };
    let package_defaults = inherited("package").unwrap_or_default();
    let dependency_defaults = inherited("dependencies").unwrap_or_default();
    let package = manifest
        .get_mut("package")
        .and_then(Value::as_table_mut)
        .ok_or("the package's manifest has no [package] table")?;
    if let Some(metadata) = package.get_mut("metadata").and_then(Value::as_table_mut) {
        metadata.remove("listing");
        if metadata.is_empty() {
            package.remove("metadata");
        }
    }
    for (key, value) in package.iter_mut() {
        if is_inherited(value) {
            *value = package_defaults.get(key).cloned().ok_or_else(|| {
                format!("`{key}.workspace = true`, but the workspace has no `package.{key}`")
            })?;
        }
    }
    if let Some(name) = name {
        package.insert("name".into(), Value::String(cargo_name(name)));
    }
    for table in DEPENDENCY_TABLES {
        let Some(deps) = manifest.get_mut(table).and_then(Value::as_table_mut) else { continue };
        for (dep, value) in deps.iter_mut() {
            if is_inherited(value) {
                let mut resolved = match dependency_defaults.get(dep) {
                    Some(Value::String(version)) => {
                        Table::from_iter([("version".to_string(), Value::String(version.clone()))])
                    }
                    Some(Value::Table(t)) => t.clone(),
                    _ => {
                        return Err(format!(
                            "`{dep} = {{ workspace = true }}`, but the workspace has no dependency `{dep}`"
                        ));
                    }
                };
                // What the member adds (features, optional) stays.
                for (k, v) in value.as_table().into_iter().flatten() {
                    if k != "workspace" {
                        resolved.insert(k.clone(), v.clone());
                    }
                }
                *value = Value::Table(resolved);
            }
            if let Some(path) = value.get("path").and_then(Value::as_str) {
                let moved = path_dep(path)?;
                value
                    .as_table_mut()
                    .expect("a dependency with a path is a table")
                    .insert("path".into(), Value::String(moved));
            }
        }
    }
    let mut text = toml::to_string(&manifest).map_err(|e| e.to_string())?;
    if own_workspace {
        text.push_str("\n# Its own workspace, whatever folder it is unpacked in.\n[workspace]\n");
    }
    Ok(text)
}

/// A cargo package name from any text: `rc_that counts` → `rc-that-counts`.
pub fn cargo_name(name: &str) -> String {
    name.replace(|c: char| !c.is_ascii_alphanumeric(), "-")
}

fn is_inherited(value: &Value) -> bool {
    value.get("workspace").and_then(Value::as_bool) == Some(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    const WORKSPACE: &str = "[workspace]\nmembers = [\"listings/*/*\"]\n\n[workspace.package]\n\
                             edition = \"2024\"\npublish = false\n\n[workspace.dependencies]\n\
                             libc = \"=0.2.191\"\nserde = { version = \"=1.0.229\" }\n";

    fn no_paths(path: &str) -> Result<String, String> {
        Err(format!("no path dependencies here ({path})"))
    }

    #[test]
    fn inherited_keys_are_written_out_and_the_harness_table_dropped() {
        let listing = "[package]\nname = \"ch03-01-box\"\nversion = \"0.1.0\"\n\
                       edition.workspace = true\npublish.workspace = true\n\
                       description = \"A `Box`\"\n\n[package.metadata.listing]\nkind = \"run\"\n\n\
                       [dependencies]\nlibc = { workspace = true }\n\
                       serde = { workspace = true, features = [\"derive\"] }\nurl = \"=2.5.8\"\n";
        let text = manifest(listing, WORKSPACE, None, true, &no_paths).unwrap();
        let parsed: Table = toml::from_str(&text).unwrap();
        let package = &parsed["package"];
        assert_eq!(package["edition"].as_str(), Some("2024"));
        assert_eq!(package["publish"].as_bool(), Some(false));
        assert_eq!(package["name"].as_str(), Some("ch03-01-box"));
        assert_eq!(package["description"].as_str(), Some("A `Box`"));
        assert!(package.get("metadata").is_none(), "{text}");
        assert_eq!(parsed["dependencies"]["libc"]["version"].as_str(), Some("=0.2.191"));
        assert_eq!(parsed["dependencies"]["serde"]["version"].as_str(), Some("=1.0.229"));
        assert_eq!(parsed["dependencies"]["serde"]["features"][0].as_str(), Some("derive"));
        assert!(parsed["dependencies"]["serde"].get("workspace").is_none());
        assert_eq!(parsed["dependencies"]["url"].as_str(), Some("=2.5.8"));
        assert!(parsed["workspace"].as_table().is_some_and(Table::is_empty));
        assert!(!text.contains("workspace = true"), "{text}");
    }

    #[test]
    fn a_name_is_given_and_path_dependencies_move() {
        let listing = "[package]\nname = \"x\"\nedition.workspace = true\n\n[dependencies]\n\
                       counter = { path = \"../01-counter\" }\n";
        let moved = |path: &str| Ok(path.trim_start_matches("../").to_string());
        let text = manifest(listing, WORKSPACE, Some("rc_that counts"), false, &moved).unwrap();
        let parsed: Table = toml::from_str(&text).unwrap();
        assert_eq!(parsed["package"]["name"].as_str(), Some("rc-that-counts"));
        assert_eq!(parsed["dependencies"]["counter"]["path"].as_str(), Some("01-counter"));
        assert!(parsed.get("workspace").is_none(), "a member has no [workspace]: {text}");
        let e = manifest(listing, WORKSPACE, None, true, &no_paths).unwrap_err();
        assert!(e.contains("no path dependencies here (../01-counter)"), "{e}");
    }

    #[test]
    fn what_the_workspace_lacks_is_an_error() {
        let e = manifest("[package]\nlicense.workspace = true\n", WORKSPACE, None, true, &no_paths)
            .unwrap_err();
        assert!(e.contains("the workspace has no `package.license`"), "{e}");
        let e = manifest(
            "[package]\nname = \"x\"\n[dependencies]\nrand = { workspace = true }\n",
            WORKSPACE,
            None,
            true,
            &no_paths,
        )
        .unwrap_err();
        assert!(e.contains("no dependency `rand`"), "{e}");
    }
}
