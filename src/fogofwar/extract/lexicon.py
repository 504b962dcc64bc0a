"""Word lists the extractor reads text with: loss kinds, reporting verbs, descriptors of sides.

Every list is about the language of war reporting in general; none names a particular conflict.
"""

from __future__ import annotations

import re

# -- loss kinds, as they follow a quantity ("37 fighters were killed", "5 prisoners") ----------
_KIND_AFTER: list[tuple[str, str]] = [
    (
        r"killed\s+(?:and|or|&)\s+(?:wounded|injured)|dead\s+(?:and|or)\s+(?:wounded|injured)|"
        r"casualties|killed\s+or\s+missing|losses|wounded\s+(?:and|or)\s+killed",
        "killed_or_injured",
    ),
    (
        r"killed|dead|deaths?|died|slain|KIA|executed|neutrali[sz]ed|lost\s+their\s+lives|"
        r"fatalities|perished|massacred|beheaded|bodies|corpses|eliminated|liquidated|shot\s+dead",
        "killed",
    ),
    (r"wounded|injured|injuries|hurt|hospitali[sz]ed|WIA", "injured"),
    (
        r"captured|prisoners?(?:\s+of\s+war)?|taken\s+(?:as\s+)?(?:prisoner|captive|hostage)s?|"
        r"POWs?|hostages?|surrendered|arrested|detained|abducted|kidnapped|seized|"
        r"taken\s+into\s+captivity",
        "captured",
    ),
    (r"missing|MIA|unaccounted\s+for", "missing"),
    (r"displaced|fled|evacuated|refugees|homeless|forced\s+to\s+flee", "displaced"),
    (
        r"destroyed|shot\s+down|downed|sunk|burn(?:ed|t)|disabled|knocked\s+out|damaged|crashed|"
        r"in\s+flames|set\s+ablaze|blown\s+up",
        "destroyed",
    ),
    (r"lost", "lost"),
]
KIND_AFTER = [(re.compile(rf"\b(?:{p})\b", re.IGNORECASE), k) for p, k in _KIND_AFTER]

# -- loss kinds as a verb or noun before the quantity ("killing 12 soldiers", "death toll of 12")
_KIND_BEFORE: list[tuple[str, str]] = [
    (
        r"casualties\s+(?:of|at|to|reached|numbered|were)|killed\s+and\s+wounded|"
        r"killing\s+(?:and|or)\s+wounding",
        "killed_or_injured",
    ),
    (
        r"killing|killed|kill|kills|executing|executed|massacring|massacre\s+of|slaying|"
        r"death\s+toll(?:\s+(?:of|at|rose\s+to|reached|was|stood\s+at|climbed\s+to|to))?|"
        r"deaths\s+of|bodies\s+of|dead\s+(?:at|to)",
        "killed",
    ),
    (r"wounding|wounded|injuring|injured", "injured"),
    (r"lost|losing|suffered|suffering", "lost"),
    (
        r"capturing|captured|capture\s+of|took|taking|seizing|detaining|detained|arresting|"
        r"arrested|abducting|abducted|kidnapping|kidnapped",
        "captured",
    ),
    (r"displacing|displaced|displacement\s+of|evacuating|evacuated|evacuation\s+of", "displaced"),
    (
        r"destroying|destroyed|shooting\s+down|shot\s+down|downing|downed|sinking|sank|"
        r"destruction\s+of|disabling|disabled",
        "destroyed",
    ),
]
KIND_BEFORE = [
    (
        re.compile(
            rf"\b(?:{p})(?:\s+(?:another|a\s+further|an\s+additional|further|the))?\s*$",
            re.IGNORECASE,
        ),
        k,
    )
    for p, k in _KIND_BEFORE
]

# -- nouns that are counted but are not losses ("3 villages", "50 weapons seized") ---------------
NON_LOSS_NOUN = re.compile(
    r"\b(?:weapons?|arms|rifles?|ammunition|rounds|shells|rockets|missiles|bombs|mines|"
    r"villages?|towns?|cities|settlements?|areas?|regions?|districts?|neighbou?rhoods?|"
    r"positions?|checkpoints?|bridges?|buildings?|houses?|homes?|hospitals?|schools?|"
    r"mosques?|churches|streets?|roads?|hills?|heights|territor(?:y|ies)|hectares?|"
    r"square\s+kilomet\w+|kilomet\w+|km|miles?|documents?|cameras?|phones?|prisons?|inmates\s+freed|bases?|airports?|facilities|factories|"
    r"plants?|wells?|fields?|oil|trenches|tunnels?|times|attacks?|strikes?|airstrikes?|"
    r"raids?|sorties|waves?|assaults?|days?|weeks?|months?|years?|hours?|kilograms?|tons?)\b",
    re.IGNORECASE,
)
NOT_A_LOSS_CONTEXT = re.compile(
    r"\b(?:freed|released|rescued|liberated|escaped|exchanged|swapped|returned|survived|"
    r"evaded|in\s+danger|at\s+risk|threatened\s+with|managed\s+to\s+withdraw|reached|"
    r"were\s+spared|trained|training)\b",
    re.IGNORECASE,
)

# -- what was lost: vehicles and other materiel -------------------------------------------------
VEHICLE_NOUN = re.compile(
    r"\b(?:(?:car|truck|suicide)\s+bombs?|VBIEDs?|tanks?|vehicles?|APCs?|IFVs?|AFVs?|BMPs?|BTRs?|BMDs?|MRAPs?|[TM]-\d{2,3}\w*|trucks?|"
    r"technicals?|boats?|ships?|vessels?|warships?|tugboats?|helicopters?|aircraft|jets?|planes?|"
    r"airplanes?|Su-\d+\w*|Mi-\d+\w*|Ka-\d+\w*|MiG-\d+\w*|Il-\d+\w*|An-\d+\w*|L-39s?|"
    r"armou?red\s+cars?|cars?|humvees?|bulldozers?|motorcycles?|motorbikes?|pick-?ups?|"
    r"buses|bus|carriers?|fighter\s+jets?|gunships?|landing\s+ship|corvettes?|frigates?)\b",
    re.IGNORECASE,
)
EQUIPMENT_NOUN = re.compile(
    r"\b(?:artillery(?:\s+pieces?)?|howitzers?|guns?|cannons?|mortars?|launchers?|MLRS|Grads?|"
    r"(?:air[- ]defen[cs]e|missile|anti-aircraft|SAM|rocket)\s+"
    r"(?:systems?|batter(?:y|ies)|launchers?)|"
    r"radars?(?:\s+stations?)?|drones?|UAVs?|Bayraktars?|command\s+posts?|depots?|warehouses?|"
    r"ammunition\s+(?:depots?|dumps?)|Pantsirs?|Tors?|Buks?|S-\d00s?|Shilkas?|Gvozdikas?|"
    r"pieces\s+of\s+(?:military\s+)?equipment|equipment|weapons?\s+systems?|missiles?)\b",
    re.IGNORECASE,
)
PERSON_NOUN = re.compile(
    r"\b(?:fighters?(?!\s+(?:jets?|planes?|aircraft|bombers?|squadrons?))|soldiers?|troops?|militants?|rebels?|insurgents?|civilians?|people|persons?|"
    r"men|women|children|servicem[ae]n|members?|policem[ae]n|police\s+officers?|officers?|"
    r"militiam[ae]n|militia|guards?|personnel|jihadists?|terrorists?|mercenaries|mercenary|"
    r"gunmen|attackers?|defenders?|paratroopers?|marines?|commandos?|conscripts?|volunteers?|"
    r"residents?|inhabitants?|villagers?|peacekeepers?|prisoners?|hostages?|combatants?|"
    r"fatalities|casualties|bodies|deaths?|Islamists?|loyalists?|separatists?|guerrillas?|"
    r"troopers?|infantrymen|sailors?|pilots?|crew(?:\s+members)?|workers?|journalists?|"
    r"recruits?|cadets?|staff|operatives?|snipers?|drivers?|employees?|engineers?|"
    r"contractors?|diplomats?|nuns?|monks?|priests?|doctors?|medics?)\b",
    re.IGNORECASE,
)
CIVILIAN_NOUN = re.compile(
    r"\b(?:civilians?|residents?|inhabitants?|villagers?|children|women|non-combatants?|"
    r"refugees|journalists?|aid\s+workers?|family\s+members|passers-?by|worshippers|woman|"
    r"girls?|boys?|bab(?:y|ies)|infants?|elderly|pensioners|"
    r"students|patients|doctors|nurses|nuns|priests|farmers|shepherds|hostages|employees|"
    r"drivers|workers|diplomats|contractors|engineers|teachers|pilgrims|tourists)\b",
    re.IGNORECASE,
)

# -- reporting verbs and attribution ------------------------------------------------------------
REPORTING_LEMMAS = frozenset(
    [
        "say",
        "state",
        "claim",
        "report",
        "announce",
        "affirm",
        "add",
        "estimate",
        "allege",
        "assert",
        "confirm",
        "deny",
        "tell",
        "declare",
        "acknowledge",
        "admit",
        "insist",
        "publish",
        "release",
        "put",
        "record",
        "count",
        "document",
        "note",
        "write",
        "mention",
        "accuse",
        "cite",
        "verify",
        "indicate",
        "suggest",
        "reveal",
        "disclose",
        "inform",
        "maintain",
        "argue",
        "provide",
        "issue",
        "give",
    ]
)
DENY_LEMMAS = frozenset({"deny", "dismiss", "reject", "refute", "dispute"})
REVISE_WORDS = re.compile(
    r"^later,|\b(?:revis(?:ed|ing|ion)|updated|later\s+(?:said|stated|claimed|raised|lowered|increased|"
    r"reported|put)|raised\s+(?:the|its|their)\s+(?:toll|figure|estimate|count)|"
    r"lowered\s+(?:the|its|their)|corrected|amended)\b",
    re.IGNORECASE,
)
PRONOUN_CLAIMANTS = frozenset(
    {
        "they",
        "it",
        "he",
        "she",
        "the group",
        "the organisation",
        "the organization",
        "the ministry",
        "the statement",
        "the spokesman",
        "the spokesperson",
        "the report",
    }
)

# -- descriptors of sides: words that say whose losses without naming an actor --------------------
GOVERNMENT_WORDS = re.compile(
    r"\b(?:pro-government|pro-regime|government|governmental|regime|loyalists?|loyalist|army|"
    r"soldiers?|troops|servicem[ae]n|military|armed\s+forces|police|policem[ae]n|gendarmes?|"
    r"security\s+forces|national\s+guard|state|conscripts?|federal|republican\s+guard|"
    r"special\s+forces|paratroopers|marines|pilots?)\b",
    re.IGNORECASE,
)
REBEL_WORDS = re.compile(
    r"\b(?:rebels?|rebel|insurgents?|insurgency|militants?|jihadists?|jihadist|terrorists?|"
    r"opposition|guerrillas?|separatists?|extremists?|islamists?|anti-government|mujahideen|"
    r"dissidents?|dissident|gunmen|fighters\s+of\s+the\s+islamic|caliphate|defectors?|"
    r"deserters?)\b",
    re.IGNORECASE,
)
NON_STATE_ACTOR = re.compile(
    r"\b(?:movement|front|brigades?|battalions?\s+of|liberation|islamic\s+state|ISIL|ISIS|Daesh|"
    r"al-Qaeda|al-Qaida|Jabhat|Ahrar|Tahrir|Free\s+\w+\s+Army|rebels?|opposition|militias?|"
    r"dissident|insurgents?|mujahideen|jihad\w*|JNIM|Boko|Shabaab|Taliban|army\s+of\s+conquest|"
    r"coalition\s+of|group|council|wagner|PMC|separatists?|tribes?|clans?)\b",
    re.IGNORECASE,
)
STATE_ACTOR = re.compile(
    r"\b(?:armed\s+forces|army|government|ministry|police|national\s+guard|navy|air\s+force|"
    r"gendarmerie|republic|kingdom|empire|federation|state\s+of|loyalist|pro-government|"
    r"defen[cs]e\s+forces|military|marines|special\s+forces|security\s+forces|united\s+nations|"
    r"MINUSMA|peacekeep\w*)\b",
    re.IGNORECASE,
)

# -- kinds of claimant ---------------------------------------------------------------------
MEDIA_WORDS = re.compile(
    r"\b(?:media|newspaper|news|agency|press|times|post|journal|gazette|tribune|herald|reuters|"
    r"associated\s+press|AP|AFP|BBC|CNN|al\s+jazeera|TV|television|radio|channel|magazine|"
    r"daily|weekly|outlet|reporter|journalist|correspondent|telegraph|guardian|mirror|"
    r"independent|kyiv\s+independent|interfax|TASS|RIA|sputnik|ukrinform|SANA|observer)\b",
    re.IGNORECASE,
)
NGO_WORDS = re.compile(
    r"\b(?:observatory|SOHR|human\s+rights|amnesty|watch|red\s+cross|red\s+crescent|ICRC|MSF|"
    r"doctors|NGO|monitor(?:ing)?\s+group|committee|network|airwars|ACLED|institute|"
    r"foundation|center|centre|organi[sz]ation|council|group\s+of|activists?|LCC|"
    r"local\s+coordination)\b",
    re.IGNORECASE,
)
IGO_WORDS = re.compile(
    r"\b(?:(?i:united\s+nations|european\s+union|african\s+union|arab\s+league|"
    r"security\s+council|secretary[- ]general|peacekeep\w*)|UN|UNHCR|OCHA|UNICEF|OHCHR|WHO|"
    r"OSCE|MINUSMA|NATO|EU|ECOWAS|UNRWA|UNAMI|UNSMIL|IAEA)\b"
)
GOVERNMENT_CLAIMANT = re.compile(
    r"(?<!pro-)\b(?:ministry|minister|government|president|prime\s+minister|general\s+staff|"
    r"army|armed\s+forces|military|spokes(?:man|woman|person)\s+for\s+the\s+(?:army|ministry)|"
    r"governor|mayor|officials?|authorities|state|defen[cs]e|police|prosecutor|kremlin|"
    r"pentagon|command|headquarters|general|secretary|department|directorate|intelligence|"
    r"general\s+staff|national\s+guard|border\s+service|governorate|council)\b",
    re.IGNORECASE,
)

# -- demonyms that do not share a stem with the country name ---------------------------------------
DEMONYM_EXCEPTIONS: dict[str, tuple[str, ...]] = {
    "french": ("france",),
    "british": ("united kingdom", "uk", "britain", "great britain"),
    "english": ("england",),
    "american": ("united states", "us", "usa", "u.s."),
    "dutch": ("netherlands",),
    "filipino": ("philippines",),
    "philippine": ("philippines",),
    "emirati": ("united arab emirates", "uae"),
    "polish": ("poland",),
    "spanish": ("spain",),
    "swiss": ("switzerland",),
    "turkish": ("turkey", "türkiye"),
    "welsh": ("wales",),
    "danish": ("denmark",),
    "swedish": ("sweden",),
    "finnish": ("finland",),
    "israeli": ("israel",),
    "ivorian": ("côte d'ivoire", "ivory coast"),
    "burkinabe": ("burkina faso",),
    "malagasy": ("madagascar",),
    "congolese": ("congo", "democratic republic of the congo"),
    "soviet": ("soviet union", "ussr"),
}
