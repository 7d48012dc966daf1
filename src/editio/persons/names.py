"""The shape of personal names: word classes, lookup keys, ids, and "Surname, Forenames" parsing.

Everything here is plain data and small pure functions shared by the register, the tagger
and the importer, so that a name typed by an editor, a name printed in a FRUS List of
Persons and a name found in running text all reduce to the same lookup key and id.
"""
from __future__ import annotations

import functools
import re
import unicodedata

# Cue words that stand before a name. The FRUS editors leave them outside persName
# ("Mr. <persName>Spaak</persName>", "Secretary <persName>Dulles</persName>"), and so does editio.
TITLES = frozenset("""
Mr Mrs Miss Ms Messrs Dr Sir Lady Lord Dame Madame Mme Mlle Monsieur Señor Senor Señora Don Doña Herr Frau
Signor Baron Baroness Count Countess Prince Princess King Queen Emperor Empress Duke Duchess Marquis Viscount
Earl Generalissimo Marshal General Gen Admiral Adm Commodore Captain Capt Colonel Col Major
Lieutenant Lt Commander Sergeant Brigadier Ambassador Minister Premier President
Chancellor Secretary Senator Sen Representative Congressman Governor Gov Mayor
Consul Counselor Chargé Judge Justice Chief Commissioner Director Father Bishop Archbishop Cardinal Pope Rev
Reverend Professor Prof Dean Chairman Attorney Envoy Ethnarch Caudillo Pasha Sheikh Emir Shah Sultan Regent
Hon Honorable Excellency Lieut Ensign Corporal Private Delegate Attaché Agent Officer Chairman
Foreign-Minister Vice-President Vice-Admiral Rear-Admiral Lieutenant-General Major-General
""".split())

# Lower-case office words that cue a following name in looser prose ("Soviet foreign minister Molotov").
TITLES_LOWER = frozenset("""
ambassador minister premier president secretary admiral general marshal prince king queen emperor senator
chancellor envoy consul counselor chargé governor commander colonel captain lieutenant
""".split())

# Capitalised words that are not names: sentence openers, pronouns, closings, months, days,
# nationality and party adjectives.
STOPWORDS = frozenset("""
The A An Dear In On At To For From With By And But Or Nor If When While As After Before Since Although Though
Because Both Neither Either This That These Those It He She They We I You His Her Their Our My Your Its Yes No
Not Also Then Thus However Moreover Meanwhile So Accordingly Nevertheless Upon Of Am Was Is Are Were There Here
Now Today Yesterday Tomorrow Signed Sincerely Yours Respectfully Very Truly Cordially Faithfully Regards Note See
Cf Ibid Enclosure Subject Participants Copy Confidential Secret Strictly Personal Telegram Memorandum Letter
Despatch Instruction Aide-Mémoire Paraphrase Extract Excerpt Translation Oral Statement Draft Text Summary
Recommendation Recommendations Discussion Annex Appendix Tab Attachment Editorial Infra Supra Whereas
Whereupon Therefore Further Furthermore Again Only Even Such Some Any All Each Every Many Most Other Another
What Which Who Whom Whose Why How Where Please Thank Thanks Hence Later Earlier First Second Third Last Next
Mister Dear Excellency Sirs Gentlemen Madam Our Unless Until Whether Yet Nor Perhaps Probably Certainly Indeed
January February March April May June July August September October November December Jan Feb Mar Apr Jun
Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday Saturday Sunday
Soviet Soviets Russian Russians Japanese German Germans British American Americans French Italian Chinese Greek
Greeks Turkish Turk Turks Cypriot Cypriots Spanish Mexican Brazilian Argentine Uruguayan Chilean Peruvian
Bolivian Colombian Cuban Belgian Dutch Polish Yugoslav Egyptian Iranian Indian Canadian Australian English
Hungarian Rumanian Romanian Bulgarian Finnish Swedish Norwegian Danish Swiss Austrian Portuguese Thai Siamese
Korean Manchurian Mongolian Philippine Filipino Paraguayan Venezuelan Ecuadoran Ecuadorean Panamanian Haitian
Dominican Guatemalan Salvadoran Honduran Nicaraguan Allied Allies Axis Western Eastern Northern
Southern Communist Communists Nationalist Nationalists Republican Republicans Democratic Democrat Democrats
Liberal Liberals Conservative Labour Labor Royal Imperial Supreme Federal National International United
Inter-American Pan Anglo-American Far Near Middle Central North South East West New Old Holy Saint St
Article Section Chapter Part Paragraph Page Vol Volume No Nos Document Documents Treaty Book Item Point
Department Government Embassy Office Mission Legation Ministry Bureau Division Committee Council Commission
Foreign Prime Under Assistant Deputy Acting Vice Rear Field Fleet Air Crown Grand Executive Special
Ministers Secretaries Ambassadors Presidents Generals Admirals Senators Premiers Relations Affairs Military
Naval Political Economic Financial Commercial Cultural Legal Policy Considerations About Regarding Concerning
God Christ Christian Christians Catholic Protestant Moslem Muslim Jewish Jews Arab Arabs Negro Mohammedan
""".split())

# Countries and capitals that follow an office word in FRUS prose ("the Foreign Minister Brazil is ...").
PLACES = frozenset("""
Afghanistan Albania Argentina Athens Australia Austria Belgium Berlin Bogotá Bogota Bolivia Brazil Britain
Bucharest Budapest Bulgaria Burma Canada Chile China Chungking Colombia Cuba Cyprus Czechoslovakia Denmark
Ecuador Egypt England Ethiopia Europe Finland France Germany Greece Guatemala Haiti Honduras Hungary India
Indochina Iran Iraq Ireland Israel Istanbul Italy Japan Jordan Korea Lebanon London Manchukuo Manchuria Mexico
Montevideo Moscow Nanking Netherlands Nicaragua Norway Panama Paraguay Paris Peiping Peking Persia Peru
Poland Portugal Rio Rome Rumania Russia Santiago Shanghai Siam Spain Sweden Switzerland Syria Thailand
Tientsin Tokyo Turkey Uruguay Venezuela Vichy Vienna Warsaw Washington Yugoslavia Ankara Nicosia Asia Africa
America Pacific Atlantic Mediterranean Balkans Wikipedia
""".split())

# Words that make a capitalised run an institution, place, ship or thing rather than a person
# ("Roosevelt Administration", "White House", "General Assembly", "Tatsuta Maru").
INSTITUTIONS = frozenset("""
Government Governments Office Department Ministry Embassy Legation Consulate Mission Union Republic Kingdom
Empire States Nations Council Committee Commission Assembly Congress Parliament Senate House Court Board Agency
Administration Bureau Division Staff Party Army Navy Corps Force Forces Fleet Company Corporation Bank
University College Institute Society League Pact Treaty Agreement Convention Conference Meeting Line Street
Avenue Road Square Palace Hotel Club Station Island Islands River Sea Ocean Bay Gulf Strait Straits Mountains
Mountain Province Prefecture City Canal Railway Railroad Airport Hall Church Cathedral Memorial Bridge Harbor
Port Plan Doctrine Act Law Resolution Declaration Charter Accord Protocol Affairs Press News Times Post Herald
Tribune Radio Shimbun Maru Cabinet Diet Presidium Politburo Secretariat Group Service Services Area Zone Front
Region District County Valley Peninsula Coast Foundation Fund Association Federation Organization Program
Programme Project Code Report Reports Review Journal Gazette Library Museum Archives Papers Collection Files
Committee's Telegram Memorandum Incident Affair War Revolution Crisis Campaign Operation Conference's
Extraordinary Plenipotentiary Designate Emeritus Staffs Statement Principles State Pentagon Kremlin
Tass Pravda Izvestia Reuters Associated
""".split())

# Lower-case name particles that stay inside a name ("Joachim von Ribbentrop").
PARTICLES = frozenset("von van der den de du da di del della la le ter zu dos das".split())

SUFFIXES = ("Jr.", "Sr.", "II", "III", "IV")

# Abbreviations whose full stop belongs to the word, so it does not end the sentence.
ABBREVIATIONS = frozenset("Mr Mrs Ms Messrs Dr St Gen Adm Col Capt Lt Sen Gov Rev Prof Jr Sr Hon Mme Mlle Lieut".split())

_UPPER = "".join(sorted({c for c in map(chr, range(0x41, 0x250)) if c.isupper() and c.isalpha()}))
UP = "[" + re.escape(_UPPER) + "]"
LETTER = r"[^\W\d_]"
# A capitalised name word; a bracketed completion ("S[umner]") and hyphenated or apostrophe
# parts ("Averoff-Tossitza", "O'Brien") belong to it, a possessive "’s" does not.
NAME_WORD = rf"{UP}(?:{LETTER}|\[{LETTER}+\])*(?:['’](?!s\b){LETTER}+|-{LETTER}+)*"
INITIALS = rf"{UP}\.(?:{UP}\.)*(?!{LETTER})"
TOKEN = re.compile(
    rf"(?P<init>{INITIALS})|(?P<word>{NAME_WORD})(?P<dot>\.)?|(?P<part>\b(?:{'|'.join(sorted(PARTICLES))})\b)"
)


@functools.lru_cache(maxsize=65536)
def key(name: str) -> str:
    """The lookup key of a name: brackets and dots dropped, apostrophes unified, case folded."""
    s = name.replace("[", "").replace("]", "").replace("’", "'")
    return " ".join(re.findall(rf"{LETTER}+(?:['-]{LETTER}+)*", s)).casefold()


def slug(text: str) -> str:
    """ASCII slug for ids: "Köprülü" -> "koprulu", "von der Schulenburg" -> "von-der-schulenburg"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def forename_tokens(forenames: str) -> list[str]:
    """Forenames as comparable tokens: "Charles E." -> ["charles", "e"], "C.D." -> ["c", "d"]."""
    return [t for t in key(forenames).split() if t not in PARTICLES]


def compatible(mention: list[str], person: list[str]) -> bool:
    """Do the forename tokens of a mention fit a person's forenames?

    Each mention token must equal one of the person's, or be its initial, or one be a
    prefix of the other ("Constantin" / "Constantine"), in order.
    """
    pos = 0
    for t in mention:
        while pos < len(person):
            p = person[pos]
            pos += 1
            if t == p or (len(t) == 1 and p.startswith(t)) or (len(p) == 1 and t.startswith(p)) or (
                    min(len(t), len(p)) >= 4 and (p.startswith(t) or t.startswith(p))):
                break
        else:
            return False
    return True


def person_id(surname: str, forenames: str = "") -> str:
    """``p-`` + surname slug + first full forename slug (initials when there is no full one)."""
    tokens = [t for t in re.split(r"[\s.]+", forenames) if t and t not in PARTICLES]
    full = [t for t in tokens if len(t.strip("[]")) > 1 and not t.endswith(".")]
    first = full[0] if full else "".join(tokens)
    return "p-" + "-".join(x for x in (slug(surname), slug(first)) if x)


_TITLE_PREFIX = re.compile(
    r"^(?:(?:Field|Fleet|Air|Vice|Rear|Brigadier|Lieutenant|Major)\s+)?"
    r"(?:Marshal|General|Admiral|Colonel|Captain|Commander|Sir|Baron|Lord|Lady|Dame|Prince|Princess|Count|Dr\.|Mr\.|Mrs\.)\s+"
)


def parse_inverted(text: str) -> dict[str, object]:
    """Split a register heading "Surname, Forenames[, Jr.]" into its parts.

    Titles in the forenames ("Cabell, General Charles P.", "Harding, Field Marshal Sir John")
    and parenthetical remarks are dropped; a one-word parenthesis is a nickname ("(Chip)").
    Without a comma the whole text is the name ("Paul I", "Frederika").
    """
    text = " ".join(text.split()).strip(" ,")
    nicknames = [m for m in re.findall(r"\(([^()]*)\)", text) if re.fullmatch(rf"{UP}{LETTER}+", m)]
    text = " ".join(re.sub(r"\([^()]*\)", " ", text).split()).replace(" ,", ",")
    parts = [p.strip() for p in text.split(",") if p.strip()]
    suffix = ""
    if len(parts) > 1 and parts[-1] in SUFFIXES:
        suffix = parts.pop()
    surname, forenames = parts[0], " ".join(parts[1:])
    if not forenames:
        m = re.fullmatch(r"(.+?)\s+(I|II|III|IV|V|VI)", surname)
        if m:
            surname, suffix = m.group(1), m.group(2)
    while True:
        m = _TITLE_PREFIX.match(forenames)
        if not m:
            break
        forenames = forenames[m.end():]
    words = forenames.split()
    particle = []
    while words and words[-1] in PARTICLES:
        particle.insert(0, words.pop())
    return {"surname": surname, "forenames": " ".join(words), "particle": " ".join(particle),
            "suffix": suffix, "nicknames": nicknames}
