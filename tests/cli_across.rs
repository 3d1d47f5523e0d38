//! `byline quotes` and `byline speakers` over a folder of small invented
//! articles (`tests/folders/harbour/`): one person quoted in three articles
//! as "Renée Halvorsen", "Dr. Renee Halvorsen" and "Halvorsen"; another
//! Halvorsen (Piet); an organization as "Coastal Water Board (CWB)" and as
//! "the CWB". Every format returns exactly the right quotes.

use assert_cmd::Command;

const DIR: &str = "tests/folders/harbour";
const FERRY: &str = "Ferry service to resume in Tallow Bay";
const STORM: &str = "Storm closes the Tallow Bay pier for a day";
const BUDGET: &str = "Harbour budget grows by a third";

/// Renée Halvorsen's quotes: (text, article title, file).
const RENEE: [(&str, &str, &str); 4] = [
    ("We have repaired both ramps and tested the engines,", FERRY, "01_ferry.txt"),
    ("The first crossing leaves at seven,", FERRY, "01_ferry.txt"),
    ("Nobody sails until the wind drops below forty knots,", STORM, "02_storm.txt"),
    ("A second tug means no more waiting in bad weather,", BUDGET, "03_budget.txt"),
];

fn run(args: &[&str]) -> String {
    let out = Command::cargo_bin("byline").unwrap().args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn text_gives_one_line_per_quote_with_the_title_whatever_the_name_form() {
    for name in ["Renée Halvorsen", "renee halvorsen", "Dr. Renee Halvorsen", "R. Halvorsen"] {
        let out = run(&["quotes", DIR, "--speaker", name]);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 4, "{name}:\n{out}");
        for (line, (text, title, _)) in lines.iter().zip(RENEE) {
            assert!(line.starts_with(&format!("\u{201c}{text}\u{201d} \u{2014} Renée Halvorsen (")), "{line}");
            assert!(line.ends_with(&format!(", in \u{201c}{title}\u{201d}")), "{line}");
        }
    }
}

#[test]
fn a_shared_surname_stays_apart() {
    let out = run(&["quotes", DIR, "--speaker", "Piet Halvorsen"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out}");
    assert!(lines[0].starts_with("\u{201c}I will believe it when I see the boat,\u{201d} \u{2014} Piet Halvorsen"));
    assert!(lines[1].starts_with("\u{201c}Storms are good for soup,\u{201d} \u{2014} Piet Halvorsen"));
    // The surname alone names both of them.
    assert_eq!(run(&["quotes", DIR, "--speaker", "halvorsen"]).lines().count(), 6);
}

#[test]
fn an_organization_under_two_names_is_one_speaker() {
    for name in ["CWB", "the CWB", "Coastal Water Board"] {
        let out = run(&["quotes", DIR, "--speaker", name]);
        let want = [
            format!("\u{201c}The ramps meet every standard,\u{201d} \u{2014} Coastal Water Board (said), in \u{201c}{FERRY}\u{201d}"),
            format!("\u{201c}We are glad to share the bill,\u{201d} \u{2014} Coastal Water Board (said), in \u{201c}{BUDGET}\u{201d}"),
        ];
        assert_eq!(out.lines().collect::<Vec<_>>(), want, "{name}");
    }
}

#[test]
fn jsonl_gives_one_object_per_quote_with_its_article() {
    let out = run(&["quotes", DIR, "--speaker", "Dr. Renée Halvorsen", "--format", "jsonl"]);
    let objs: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(objs.len(), 4, "{out}");
    for (o, (text, title, file)) in objs.iter().zip(RENEE) {
        assert_eq!(o["speaker"], "Renée Halvorsen");
        assert_eq!(o["text"], text);
        assert_eq!(o["kind"], "direct");
        assert_eq!(o["article"]["title"], title);
        assert_eq!(o["article"]["path"], format!("{DIR}/{file}"));
        // The offsets point at the quote in the article's text.
        let body = std::fs::read_to_string(format!("{DIR}/{file}")).unwrap();
        let (s, e) = (o["start"].as_u64().unwrap() as usize, o["end"].as_u64().unwrap() as usize);
        assert_eq!(&body[s..e], text);
        let para = body[..s].split("\n\n").count();
        assert_eq!(o["paragraph"].as_u64(), Some(para as u64), "{text}");
    }
}

#[test]
fn markdown_gives_a_heading_then_blockquotes_with_citations() {
    let out = run(&["quotes", DIR, "--speaker", "Renee Halvorsen", "--format", "markdown"]);
    let mut want = String::from("## Renée Halvorsen\n");
    for (text, title, file) in RENEE {
        want.push_str(&format!("\n> {text}\n\n\u{2014} *{title}*, `{DIR}/{file}`\n"));
    }
    assert_eq!(out, want);
}

#[test]
fn files_and_folders_mix_and_one_file_works_as_before() {
    let out =
        run(&["quotes", &format!("{DIR}/02_storm.txt"), &format!("{DIR}/03_budget.txt"), "--speaker", "halvorsen"]);
    assert_eq!(out.lines().count(), 3, "{out}");
    let one = run(&["quotes", &format!("{DIR}/03_budget.txt"), "--speaker", "halvorsen"]);
    assert_eq!(one.lines().count(), 1, "{one}");
}

#[test]
fn speakers_lists_quote_and_article_counts() {
    let out = run(&["speakers", DIR]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 4, "{out}");
    assert!(lines[1].starts_with("     4        3  Renée Halvorsen"), "{out}");
    assert!(lines[2].starts_with("     2        2  Piet Halvorsen"), "{out}");
    assert!(lines[3].starts_with("     2        2  Coastal Water Board (also: CWB)"), "{out}");
    let out = run(&["speakers", DIR, "--format", "jsonl"]);
    let objs: Vec<serde_json::Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let counts: Vec<(&str, u64, u64)> = objs
        .iter()
        .map(|o| (o["speaker"].as_str().unwrap(), o["quotes"].as_u64().unwrap(), o["articles"].as_u64().unwrap()))
        .collect();
    assert_eq!(counts, vec![("Renée Halvorsen", 4, 3), ("Piet Halvorsen", 2, 2), ("Coastal Water Board", 2, 2)]);
}

#[test]
fn article_text_stays_inert_in_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Pier \u{1b}]52;c;aGk=\u{7} news\n\nTALLOW BAY -- Calm.\n\n\"Hello \u{1b}[31mred\u{9b}2J,\" said Renée Halvorsen.\n";
    std::fs::write(dir.path().join("a.txt"), body).unwrap();
    let d = dir.path().to_str().unwrap();
    for format in ["text", "markdown", "jsonl"] {
        let out = Command::cargo_bin("byline").unwrap().args(["quotes", d, "--format", format]).output().unwrap();
        assert!(out.status.success());
        assert!(!out.stdout.contains(&0x1b) && !out.stdout.contains(&0x07), "{format}");
        assert!(!String::from_utf8(out.stdout).unwrap().contains('\u{9b}'), "{format}");
    }
    let out = Command::cargo_bin("byline").unwrap().args(["speakers", d]).output().unwrap();
    assert!(!out.stdout.contains(&0x1b));
}

#[test]
fn a_page_gives_its_date_in_jsonl_and_markdown() {
    let out = run(&["quotes", "tests/pages/seed_page.html", "--format", "jsonl"]);
    let first: serde_json::Value = serde_json::from_str(out.lines().next().expect("a quote")).unwrap();
    assert_eq!(first["article"]["date"], "2021-12-07");
    let md = run(&["quotes", "tests/pages/seed_page.html", "--format", "markdown"]);
    assert!(md.contains(", 2021-12-07, `tests/pages/seed_page.html`"), "{md}");
    // A text article has no date, and says none.
    let plain = run(&["quotes", DIR, "--format", "jsonl"]);
    assert!(!plain.contains("\"date\""));
}

#[test]
fn a_quote_spoken_together_names_both_speakers() {
    let dir = tempfile::tempdir().unwrap();
    let body = "Cat show opens\n\nThe show opened in Tallow Bay with two hosts, Ana Morel and Joe Tamsin.\n\n\
                \"We love cats!\" reply Ana Morel and Joe Tamsin.\n\nIt runs until Sunday.\n";
    std::fs::write(dir.path().join("cats.txt"), body).unwrap();
    let d = dir.path().to_str().unwrap();
    let line =
        "\u{201c}We love cats!\u{201d} \u{2014} Ana Morel and Joe Tamsin (reply), in \u{201c}Cat show opens\u{201d}\n";
    assert_eq!(run(&["quotes", d]), line);
    assert_eq!(run(&["quotes", d, "--speaker", "tamsin"]), line);
    let json: serde_json::Value =
        serde_json::from_str(&run(&["quotes", d, "--format", "jsonl", "--speaker", "tamsin"])).unwrap();
    assert_eq!((json["speaker"].as_str(), json["with"][0].as_str()), (Some("Joe Tamsin"), Some("Ana Morel")));
}
