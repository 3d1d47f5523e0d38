//! One test per named rule of the entity stage: a small invented article on
//! which the rule must fire (`byline annotate --explain` shows the same).
//! A rule added without a line here fails `every_rule_has_a_test`.

use libtest_mimic::{Arguments, Failed, Trial};

/// (rule, invented article on which it fires)
const RULES: &[(&str, &str)] = &[
    ("alias.lexicon_epithet", "The United Nations met on Monday. The world body said it would meet again."),
    ("alias.role_of_named", "Ana Ruiz, the mayor, spoke on Monday. The mayor said the bridge would open."),
    ("alias.the_head_word", "The Harbour Renewal Initiative began in May. The initiative has cost $3 million."),
    ("defer.lone_word", "Ana Ruiz spoke on Monday. Later, Ruiz left the hall."),
    ("kind.acronym_organization", "QRX -- The deal was signed on Monday."),
    ("kind.camel_case_brand", "She posted the video on ClipTube on Monday."),
    ("kind.dateline_place", "WESTBROOK -- The council met on Monday to vote on the budget."),
    ("kind.head_word", "The Tarrow Valley Institute opened a new wing on Monday."),
    ("kind.institution_by_head_word", "Lawmakers said the vote in Parliament would come soon."),
    ("kind.known_place", "The ferry from Halifax arrived late on Monday."),
    ("kind.lone_name_other", "She named the boat after the Zorvath, a word her father invented."),
    ("kind.long_name_other", "the fans of Vela Marro Tinsley Orpheum Kask met on a calm day."),
    ("kind.new_entity", "The Tarrow Valley Institute opened a new wing on Monday."),
    ("kind.new_lone_name", "Residents of Cressley met on Monday, and in Cressley the mood was calm."),
    ("kind.organization_acronym_or_repeated", "staff at the plant said they like Zentrix, and Zentrix will hire."),
    ("kind.organization_by_default", "The Brannigan Tolvar Group of investors bought the mill, and Brannigan Tolvar will keep it."),
    ("kind.outlet_speaking", "The Beacon reported on Monday that the mill would close."),
    ("kind.person_by_evidence", "Ana Ruiz said the mill would close."),
    ("kind.organization_name_after_the", "She told the Banner on Monday that the mill would close."),
    ("kind.organization_named_for_place", "Statistics Canada said prices rose in May."),
    ("kind.person_by_name_form", "The prize went to Dravoski on Monday."),
    ("kind.person_by_surname_used_alone", "Velt Quelch opened the shop. Quelch said it was busy."),
    ("kind.person_by_title", "Mayor Jo Balton opened the bridge on Monday."),
    ("kind.person_credited_in_caption", "A heron at dawn. Image: Kvarnholm\n\nThe marsh is quiet in winter."),
    ("kind.person_titled_or_speaking", "The plan is good, Brennan said on Monday."),
    ("kind.place_by_context", "She grew up in Cressley before the war."),
    ("kind.place_listed_with_places", "The tour stops at Halifax, Grace Hollow and Winnipeg."),
    ("kind.quoted_title_after_document_noun", "A report, titled \u{201c}Waiting for Repairs\u{201d}, came out on Monday."),
    ("kind.quoted_title_document_word", "The \u{201c}Harbour Safety Act\u{201d} passed on Monday."),
    ("kind.quoted_title_event_head", "The \u{201c}Lantern Festival\u{201d} returns in May."),
    ("kind.quoted_title_org_head", "The \u{201c}Friends of the Marsh Society\u{201d} met on Monday."),
    ("kind.quoted_title_other", "She sang \u{201c}Blue Harbour Nights\u{201d} at the fair."),
    ("kind.region_of_known_place", "Farmers say Northern Ontario had a dry summer."),
    ("link.acronym_defined_after_name", "The Harbour Safety Board (HSB) met on Monday. The HSB said it would act."),
    ("link.ambiguous_person_left", "Ruiz won on Monday. Ana Ruiz and Tomas Ruiz had met before."),
    ("link.capital_for_government", "Canada signed the deal. Ottawa has pursued such deals for years."),
    ("link.defined_acronym", "The Harbour Safety Board (HSB) met on Monday. Later the HSB said it would act."),
    ("link.event_by_head_word", "The Harbour Games open in May. Tickets for the Games sold out."),
    ("link.event_edition", "The Harbour Cup is played each year.\n\nFans cheered at the 2024 Harbour Cup final."),
    ("link.initials_of_named", "The Harbour Safety Board met on Monday. Later the HSB said it would act."),
    ("link.known_key", "Ana Ruiz spoke on Monday. Ana Ruiz left on Tuesday."),
    (
        "link.person_name_plural",
        "Ada Brennan fought the rule for years. \"Do we want more Ada Brennans?\" her doctor asked.",
    ),
    ("link.lexicon_entity", "The United Nations met on Monday."),
    ("link.place_by_abbreviation", "The council in Fresno, Calif., voted on Monday."),
    ("link.place_by_other_name", "The council in Fresno, Calif., voted. California has a dry summer."),
    ("link.name_written_apart", "The letter was signed \u{201c}[Phil] Gramwell\u{201d} and came in May. Phil Gramwell said so."),
    ("link.organization_by_head_word", "The Dover City Council met on Monday. Members of the Council voted to act."),
    ("link.people_by_plural_demonym", "Canadians voted on Monday."),
    ("link.person_by_name_word", "Ana Ruiz spoke on Monday. Later, Ruiz left the hall."),
    ("link.person_by_surname", "Tomas Ruiz met Ruiz Halvorsen, 40, on Monday. Later, Ruiz spoke."),
    ("link.person_named_last", "Ana Ruiz met Tomas Ruiz. Ana Ruiz spoke. Tomas Ruiz spoke. Ruiz left."),
    ("link.principal_person", "Ana Ruiz spoke. Ana Ruiz left. Ana Ruiz won. Tomas Ruiz watched. Ruiz smiled."),
    ("link.shorter_person_name", "Pieter van der Molen spoke on Monday. Van der Molen left later."),
    ("link.storm_by_name", "Hurricane Maren hit the coast on Monday. Maren weakened by Tuesday."),
    ("link.thing_by_first_word", "Velden Motors hired 200 workers. Velden said it would hire more."),
    ("reject.species_name", "the team kept the ant Formina crusta in jars on a calm day."),
    ("link.acronym_ending_name", "cadets of the Harbour College ROTC marched on a calm day. later our ROTC grew."),
    ("merge.country_before_name", "officials of the U.S. Harbor Patrol Board met on a calm day. later the Harbor Patrol Board voted."),
    ("merge.descriptor_before_name", "engineers named it Zorvex in the spring. then Probe Zorvex reached orbit on a calm day."),
    ("merge.misspelt_name", "Cyclone Marnee nears\n\nCyclone Marnie hit the coast. Cyclone Marnie weakened on Tuesday."),
    ("merge.name_begins_longer_name", "the trustees of the Velden Trust said on a calm day that it would pay. the Velden Trust for Children runs the fund."),
    ("merge.middle_name_left_out", "Photo: Jason Orrin in 2019.\n\nJason Tavi Orrin died in May. Orrin was 42."),
    ("merge.short_given_name", "Ronald Balton spoke on Monday. Later Ron Balton left."),
    ("merge.title_or_verb_before_surname", "Jo Kessler spoke on Monday. AG Kessler left later."),
    ("reject.adjective_or_demonym", "The Korean delegation arrived on Monday."),
    ("reject.adjectives_only", "He called himself a Libertarian Socialist on Monday."),
    ("reject.calendar_words", "The market opens on Tuesday in Dover."),
    ("reject.concept_acronym", "Peacekeeping operations (PKO) grew. The PKO budget rose."),
    ("reject.contraction", "she asked, Who\u{2019}da thought it?"),
    ("reject.credit_line", "The mill closed on Monday.\n\nReporting by Jo Pell; editing by Tam Grey"),
    ("reject.demonym", "The Sri Lankan team won."),
    ("reject.emphasis_after_indefinite", "The town wants a Fresh Start this year."),
    ("reject.emphasis_word", "They spoke of Peace in the hall."),
    ("reject.everyday_words_capitalized", "The town joined Open Doors this year. The doors stay open."),
    ("reject.function_title_or_calendar_word", "The vote came. But Mayor spoke first, and In the end all agreed."),
    ("reject.headline_everyday_word", "Mayor Says Budget Is Fine Today\n\nThe mayor spoke."),
    ("reject.not_a_name_word", "Hmmm, the mill is closed, she wrote."),
    ("reject.one_word_line", "The mill closed.\n\nBackground\n\nIt opened in 1901."),
    ("reject.party_tag_or_currency", "Rep. Ana Ruiz (D-Wis.) spoke on Monday."),
    ("reject.sentence_initial_everyday_word", "Officials met on Monday. Satellite images show the damage."),
    ("reject.sentence_initial_word", "The mill closed. Damage was heavy, and the damage will cost $3 million."),
    ("reject.shouted_heading", "DRY SUMMER STRAINS WELLS\n\nThe wells ran low this year."),
    ("spot.affiliation_before_title", "U.N. Secretary-General Ana Ruiz spoke on Monday."),
    ("spot.break_before_person_after_name", "the lecture was given by University of Lakeland Ana Ruiz on a calm day."),
    ("spot.break_at_headline_word", "Ruiz Says She Will Stay\n\nAna Ruiz said she would stay."),
    ("spot.break_at_pronoun", "Actually I think the mill will close, said Ana Ruiz."),
    ("spot.break_before_credit_label", "The Wayfarer Image: NASA\n\nThe probe flew past the comet."),
    ("spot.editor_bracket_name", "\u{201c}We thank [Phil] Gramwell,\u{201d} she said."),
    ("spot.nickname_inside_name", "the crowd cheered for Mara \u{201c}Tornado\u{201d} Keely, and Keely waved."),
    ("spot.group_speaking", "\u{201c}No more fees!\u{201d} protesters chanted as the council met."),
    ("spot.number_counts_name", "The fire started in Building 31 on Monday."),
    ("spot.reading_list_name", "Books on her desk:\n\nVelt, Nadia. Salt on the Harbour Road\n\nShe liked it."),
    ("spot.role_of_what_follows", "He is Chair of the Marsh Anglers now."),
    ("spot.role_word_opens_sentence", "Agronomist Yuki Tanabe studies rice."),
    ("reject.place_derived_description", "The claim was false, said Los Angeles-based lawyer Ana Ruiz."),
    ("spot.skip_affiliation_adjective", "The vote was close, and she met with Republican Ana Ruiz on Monday."),
    ("spot.skip_leading_function_words", "During Harbour Week the town fills up."),
    ("spot.skip_month_before_acronym", "An August RTA report found delays."),
    ("spot.skip_opening_participle", "Visiting Halifax last week, the mayor spoke."),
    ("spot.split_acronym_pair", "The U.N. PKO budget rose on Monday."),
    ("spot.title_word_heads_a_thing", "The Chief Medical Office said on Monday that cases fell."),
    ("spot.trim_trailing_words", "He lost the Tarrow Governor race."),
    ("spot.web_address", "More at www.harbourmill.ca on Monday."),
    ("reject.contraction", "The ferry was late again. Y'all know the drill, the captain joked."),
    ("kind.bill_number", "The senate passed Bill C-90 on Tuesday after a long debate."),
    ("kind.organization_by_apposition", "Marlow Pritchard, the law firm, said it would appeal the ruling."),
    ("spot.title_before_headline_words", "Democrat Voters Worried About Turnout\n\nThe polls open on Tuesday."),
    ("spot.role_of_thing", "The CEO of the Refugee Council spoke to the press on Monday."),
    ("kind.person_by_age", "Flood waters rose on Monday. Siti, 14, said the school was closed."),
    ("decide.thing_kind_changed", "Volunteers met at OpenMapCamp 2019 in Halverton on Saturday."),
    ("kind.person_listed_with_people", "Ines Okafor and Joumi Regina each scored a goal on Saturday."),
    ("kind.index_by_market_move", "In Japan, the Wakari Seng fell 2 per cent on Monday."),
    ("kind.organization_by_business_context", "Shares of Kessel Brandt rose on Tuesday after the report."),
    ("reject.title_case_line", "Recent Storms Leave Towns Reeling\n\nRain fell for three days."),
    ("spot.role_without_name", "The firm's Chief Financial Officer said the amount was set."),
    ("kind.compass_region", "Crews from the Midwest arrived on Sunday to help."),
    ("kind.names_joined_by_ampersand", "The deal was struck by Harlan & Voss on Friday."),
    ("kind.product_by_price", "Our pick is the Harlow Beard Balm, $24, at most barbers."),
];

fn fires(rule: &str, text: &str) -> Result<(), Failed> {
    let (doc, fired) = byline::engine::explain(text);
    doc.validate()?;
    if fired.iter().any(|f| f.rule == rule) {
        return Ok(());
    }
    let seen: Vec<&str> = fired.iter().map(|f| f.rule).collect();
    Err(format!("{rule} did not fire on {text:?}; fired: {seen:?}").into())
}

/// Every rule name in the entity stage's source, from its string literals.
fn rules_in_source() -> Vec<String> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/engine/entities");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(dir).expect("src/engine/entities") {
        let src = std::fs::read_to_string(entry.expect("entry").path()).expect("source");
        for piece in src.split('"').skip(1).step_by(2) {
            let stage = piece.split('.').next().unwrap_or("");
            let well_formed = piece.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.');
            if well_formed
                && piece.contains('.')
                && ["spot", "reject", "kind", "link", "defer", "merge", "alias", "decide"].contains(&stage)
            {
                names.push(piece.to_string());
            }
        }
    }
    names.sort();
    names.dedup();
    names
}

fn main() {
    let args = Arguments::from_args();
    let mut trials: Vec<Trial> =
        RULES.iter().map(|&(rule, text)| Trial::test(rule, move || fires(rule, text))).collect();
    trials.push(Trial::test("every_rule_has_a_test", || {
        let missing: Vec<String> =
            rules_in_source().into_iter().filter(|r| !RULES.iter().any(|(x, _)| x == r)).collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(format!("rules with no test in tests/engine_rules.rs: {missing:?}").into())
        }
    }));
    libtest_mimic::run(&args, trials).exit();
}
