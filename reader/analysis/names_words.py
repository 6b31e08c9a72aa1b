"""English function words that shape names: titles, heads of organisation and place
names, name particles, speech verbs and locative prepositions.

These are general English vocabulary (how news English writes names), not names.
"""

from __future__ import annotations

#: Titles and the words that build them ("Foreign Minister", "Secretary-General").
#: A title before a name marks a person; a title alone is not an entity.
TITLES = frozenset(
    """
    President Vice Prime Minister Ministers Chancellor Premier Secretary Secretary-General
    Under-Secretary General Director-General Commissioner Commissioners Governor Mayor
    Senator Congressman Congresswoman Representative Ambassador Envoy Judge Justice King
    Queen Prince Princess Duke Duchess Pope Cardinal Bishop Archbishop Rabbi Imam Sheikh
    Emir Sultan Chairman Chairwoman Chairperson Chair Chief Director Deputy Acting Former
    Foreign Finance Defence Defense Interior Health Economy Economic Economics Agriculture
    Transport Trade Energy Education Environment Labour Labor Home Justice Culture
    Colonel Captain Lieutenant Major Sergeant Admiral Commander Marshal Corporal Private
    Professor Prof Prof. Dr Dr. Mr Mr. Mrs Mrs. Ms Ms. Mx Mx. Sir Dame Lord Lady Baroness
    Baron Count Countess Father Sister Brother Reverend Rev Rev. Speaker Spokesman
    Spokeswoman Spokesperson Leader Head Executive Officer CEO CFO Provincial Federal
    Regional State National European Senior Junior Attorney Inspector Superintendent
    Gen. Sen. Rep. Gov. Lt. Col. Capt. Sgt. Supt. Insp. Mme Mme. Herr Frau Signor Señor
    """.split()
)

#: Abbreviations followed by a full stop that do not end a sentence.
ABBREVIATIONS = frozenset(
    "Mr Mrs Ms Mx Dr Prof St Sen Rep Gov Gen Lt Col Capt Sgt Supt Insp Mt Ft Jr Sr Rev Mme No vs".split()
)

#: Last words of organisation names ("... Union", "... Organization").
ORG_HEADS = frozenset(
    """
    Union Organization Organisation Nations Commission Council Committee Ministry
    Department University College School Academy Institute Institution Bank Party Agency
    Authority Association Federation Confederation Foundation Fund Group Company
    Corporation Corp Corp. Inc Inc. Ltd Ltd. LLC plc PLC AG GmbH SA NV BV SpA Parliament
    Assembly Congress Senate Court Tribunal Army Navy Force Forces Office Bureau Board
    Service Services Society League Club Trust Network Alliance Coalition Movement Front
    Times Post Press Airlines Airways Railways Motors Systems Technologies Holdings
    Industries Partners Cooperative Co-operative Police Guard Cabinet Government
    Administration Secretariat Directorate Bundestag Bundesrat Reserve Exchange Museum
    Hospital Church Chamber Initiative Programme Program Council Commissariat Tribune
    Herald Journal Gazette News Broadcasting Television Radio Studios Records Pharma
    Energy Oil Petroleum Steel Airlines Insurance Capital Investments Brands Foods Group
    Partnership Forum Conference Summit Treaty Pact Accord Agreement Convention
    Sons Brothers Associates Zonen Söhne Fils Hijos Filhos Figli Unit House Corps
    Brigade Brigades Battalion Regiment Division Command Watch Institute Center Centre Rally
    """.split()
)

#: Organisation heads that are entities even as a single capitalised word
#: ("the Commission said").
SINGLE_WORD_ORGS = frozenset("Commission Parliament Senate Congress Bundestag Knesset Duma".split())

#: Words that head place names, first ("Lake Geneva", "Palais des Nations") or last
#: ("North Sea", "Kvarnholmen Terminal").
PLACE_HEADS = frozenset(
    """
    Sea Ocean River Lake Mount Mountain Mountains Alps Hills Valley Island Islands Isle
    Isles Bay Gulf Strait Straits Channel Peninsula Desert Forest Coast Canal Street
    Road Avenue Square Bridge Airport Station Harbour Harbor Port Palace Palais Palazzo
    Castle Cathedral Tower Park Stadium Arena Plaza Boulevard Province Region County
    District City Town Village Kingdom Delta Basin Plain Plateau Heights Falls Terminal
    Dam Glacier Cape Fort Lane Quay Pier Rue Via Platz Strasse Straße Piazza Place
    Republic Emirates Territory Territories Oblast Prefecture Governorate
    """.split()
)

#: First words that make a place of what follows ("North Sea", "South Ossetia").
PLACE_PREFIXES = frozenset(
    """
    North South East West Northern Southern Eastern Western Central Upper Lower New
    Greater Lake Mount Mt. Port Cape Fort Isle Gulf Palais Palace Saint St. San Santa
    Los Las El Sierra Costa Bad
    North-East North-West South-East South-West Northeast Northwest Southeast Southwest
    North-Eastern North-Western South-Eastern South-Western
    """.split()
)

#: Lower-case particles inside names ("Sanne de Wit", "Palais des Nations").
PARTICLES = frozenset(
    "de van von der den del della delle dei des du da di dos das la le ter ten zu bin ibn al el y e do".split()
)

#: Connectors that join a head to its complement ("University of Innsbruck").
HEAD_CONNECTORS = frozenset({"of", "for", "on"})

#: Verbs of saying: "Andersen said", "said Tomasz Kowalczyk".
SPEECH_VERBS = frozenset(
    """
    said says told added warned argued insisted explained noted wrote stated asked
    replied urged admitted confirmed denied claimed recalled acknowledged announced
    reported tweeted posted
    """.split()
)

#: Prepositions after which a capitalised word is usually a place ("in Lana").
LOCATIVE = frozenset(
    "in at from to near into across along outside inside towards toward via through around throughout within".split()
)

#: Role nouns written in lower case before a name ("researcher Matthias Oberhofer").
ROLE_NOUNS = frozenset(
    """
    leader president minister envoy researcher scientist manager spokesperson spokesman
    spokeswoman director chairman chairwoman chair secretary commissioner mayor governor
    senator ambassador professor economist analyst lawyer judge farmer grower official
    author writer photographer journalist reporter editor coach player captain mother
    father son daughter wife husband colleague chief founder owner worker activist
    """.split()
)

#: Words for faiths, their followers and peoples, written capitalised but naming no one
#: entity ("Muslim", "Sunnis", "Kurds"), like the demonyms the gazetteer derives.
GROUP_WORDS = frozenset(
    """
    Muslim Muslims Moslem Moslems Islamic Islamist Islamists Christian Christians Catholic
    Catholics Protestant Protestants Orthodox Evangelical Evangelicals Anglican Anglicans
    Jewish Jew Jews Hindu Hindus Buddhist Buddhists Sikh Sikhs Sunni Sunnis Shia Shias
    Shiite Shiites Shi'ite Shi'ites Alawite Alawites Druze Coptic Copts Arab Arabs Kurd
    Kurds Kurdish Pashtun Pashtuns Tajik Tajiks Uzbek Uzbeks Hazara Hazaras Baluch Tamil
    Tamils Sinhalese Hutu Hutus Tutsi Tutsis Maoist Maoists Marxist Marxists Leninist
    Communist Communists Fascist Fascists Nazi Nazis Jihadist Jihadists Salafist Salafists
    Hispanic Hispanics Latino Latinos Aboriginal Aborigines Caucasian Westerner Westerners
    """.split()
)

#: Lower-case halves that make a hyphenated word an adjective, not a name ("Hamas-led",
#: "Ohio-based"); any lower-case common word does, these few are kept as titles.
TITLE_SUFFIXES = frozenset({"designate", "elect"})

#: Lower-case nouns that, right after a one-word name, make it an organisation ("the
#: Fatah party", "Xinhua news agency", "Hamas militants"): no person is followed by them.
ORG_AFTER = frozenset(
    """
    agency news party group movement militants militia militias guerrillas fighters rebels
    insurgents members member cell cells officials spokesman spokeswoman spokesperson
    daily newspaper weekly network channel television radio broadcaster company firm
    corporation airline bank chain brand organization organisation faction executives
    shareholders shares stock headquarters board employees workers subsidiary unit
    """.split()
)

#: Lower-case nouns that, right before a one-word name, make it an organisation
#: ("automaker Chrysler", "oil firm Rosneft", "the group KindHearts").
ORG_BEFORE = frozenset(
    """
    firm company automaker carmaker carrier airline agency group party movement network
    newspaper daily broadcaster channel maker producer giant retailer bank insurer militia
    organization organisation charity union club team band label operator conglomerate
    """.split()
)

#: Lower-case nouns that, right after a one-word name, make it a place ("Zabul province",
#: "the Darfur region", "Iranativu island").
PLACE_AFTER = frozenset(
    """
    province provinces region district county city town village valley river island islands
    peninsula state prefecture municipality governorate oblast canton desert mountains coast
    airport border
    """.split()
)

#: Verbs of a sports result: a town's name next to them is its team ("Leeds beat
#: Chelsea", "Chelsea drew with Leeds").
TEAM_VERBS = frozenset(
    """
    beat beats defeated defeats edged thrashed routed crushed drew draws hammered upset
    downed outplayed overcame eliminated knocked trounced whipped blanked
    """.split()
)

#: Words of a byline or photo credit written after a name ("Hana Pirelli Contributed").
CREDIT_WORDS = frozenset(
    """
    Contributed Contributing Contributor Reporting Reports Staff Writer Correspondent Photo
    Photos Photograph Photographer Reporter Editor Editing Special Wire Newsroom
    """.split()
)
