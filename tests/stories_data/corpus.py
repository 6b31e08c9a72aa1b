"""A test library for story grouping and name reconciliation, written for these tests.

Seven invented events, each reported two to four times in different words, with names
garbled differently in each report (dropped or swapped letters, lost diacritics), plus
unrelated articles, two of them on the same topics as an event (another wildfire, another
chess column) so that topic alone must not group them. Every text is original.

``ARTICLES``: (event or None, title, date, text). ``GARBLES``: event -> {garbled form:
correct form}; in each event the correct spelling is the better attested one (more
reports, or more mentions), which is what a reader can go by.
"""

from __future__ import annotations

ARTICLES: list[tuple[str | None, str, str, str]] = [
    # ------------------------------------------------------------------ ferry
    ("ferry", "Ferry runs aground off Vlieland", "2025-03-12",
     "A passenger ferry ran aground on a sandbank off Vlieland early on Wednesday, and all "
     "212 passengers were brought ashore by lifeboats. The vessel, operated by Waddenlijn, "
     "had left Harlingen in thick fog.\n\n"
     "Captain Maarten Oosterhuis told the coastguard that the echo sounder failed minutes "
     "before the grounding. Ingeborg Vandermeulen, speaking for the coastguard, said the hull "
     "was intact and that tugboats would refloat the ferry at high tide.\n\n"
     "Waddenlijn cancelled its remaining crossings for the day."),
    ("ferry", "Fog blamed as Wadden ferry strands passengers", "2025-03-12",
     "Thick fog is being blamed after a Waddenlijn ferry struck a sandbank near Vlieland on "
     "Wednesday morning. Lifeboats ferried the 212 passengers to the island harbour; nobody "
     "was hurt.\n\n"
     "The coastguard spokeswoman, Ingeborg Vandermuelen, said tugboats were standing by. "
     "Captain Maarten Oosterhius reported an echo sounder fault shortly before the vessel "
     "stopped. Investigators from Harlingen will board the ship once it is refloated."),
    ("ferry", "Inquiry into Vlieland grounding", "2025-03-14",
     "Dutch investigators have opened an inquiry into the grounding of a Waddenlijn ferry off "
     "Vleiland, two days after lifeboats rescued 212 passengers from the stranded vessel.\n\n"
     "The ferry was refloated by tugboats on Thursday. Captain Maarten Oosterhuis has been "
     "questioned about the failed echo sounder, according to Ingeborg Vandermeulen of the "
     "coastguard. Waddenlijn said crossings from Harlingen would resume on Saturday."),
    # ------------------------------------------------------------------ climbers
    ("climbers", "Climber rescued from Tatra ridge", "2025-01-20",
     "Mountain rescuers reached a stranded climber on a Tatra ridge above Zakopane after a "
     "night of blizzards. Agnieszka Wróblewska, 34, had been trapped on a ledge since Sunday "
     "afternoon with a broken ankle.\n\n"
     "Tomasz Kierczyński, who led the rescue team, said gusts kept the helicopter grounded, "
     "so six rescuers climbed the couloir on foot. Wróblewska was carried down on a stretcher "
     "and flown from Zakopane to a hospital in Kraków. Kierczyński praised her for keeping "
     "her phone warm inside her jacket."),
    ("climbers", "Night-long rescue in the Tatras", "2025-01-21",
     "A team of six rescuers climbed through a blizzard to reach Agnieszka Wroblewska, who "
     "spent a night on a ledge in the Tatra mountains with a broken ankle. The helicopter "
     "could not fly in the gusts, said team leader Tomasz Kierczynski.\n\n"
     "The climber was lowered down the couloir on a stretcher and taken from Zakopane to a "
     "Krakow hospital. Kierczynski said her warm phone let them track her position."),
    # ------------------------------------------------------------------ chess
    ("chess", "Gelashvili wins Tbilisi chess open", "2025-05-04",
     "Levan Gelashvili won the Tbilisi chess open on Sunday with a final-round victory over "
     "Priyanka Raghunathan, a sharp endgame that lasted six hours. The Caucasus Chess "
     "Federation said a record 340 players took part.\n\n"
     "Raghunathan finished second on tiebreak. Gelashvili, 19, dedicated the win to his "
     "first coach."),
    ("chess", "Teenager takes Tbilisi title", "2025-05-04",
     "A nineteen-year-old grandmaster, Levan Gelashivli, took the Tbilisi open after beating "
     "Priyanka Raghunathan in a six-hour endgame. Organisers from the Caucasus Chess "
     "Federation counted 340 players, a record for the tournament.\n\n"
     "Gelashivli thanked his first coach; Raghunathan took second place on tiebreak."),
    ("chess", "Record field at the Tbilisi open", "2025-05-05",
     "The Caucasus Chess Federation has called this year's Tbilisi open its strongest yet: 340 "
     "players, with Levan Gelashvili winning the tiebreak-free final round against Priyanka "
     "Ragunathan.\n\n"
     "Ragunathan, who led after seven rounds, lost a long endgame. Gelashvili becomes the "
     "youngest winner of the open."),
    ("chess", "Endgame decides Georgian open", "2025-05-05",
     "Six hours of endgame decided the Tbilisi open, where Levan Gelashvili beat Priyanka "
     "Raghunathan in the last round. Raghunathan had led for most of the event.\n\n"
     "The Caucasus Chess Federatoin said 340 players entered. Gelashvili is nineteen."),
    # ------------------------------------------------------------------ dig
    ("dig", "Painted tomb found near Aswan", "2025-02-10",
     "Archaeologists working near Aswan have uncovered a painted tomb with scenes of river "
     "boats and a hieroglyphic inscription naming a governor of the First Cataract. Hesham "
     "Abdelrahman, who directs the excavation, said the colours were unusually well "
     "preserved.\n\n"
     "The joint mission includes a team from Uppsala led by Solveig Amundsen. Amundsen said "
     "the inscription would be published with photogrammetry of the burial chamber."),
    ("dig", "Governor's tomb uncovered in Upper Egypt", "2025-02-11",
     "A tomb decorated with river boats has been found near Aswn, according to excavation "
     "director Hesham Abdelrahmen. A hieroglyphic inscription names a governor of the First "
     "Cataract.\n\n"
     "Solveig Amundsen, whose Uppsala team shares the dig, said photogrammetry of the burial "
     "chamber had begun. The colours are remarkably preserved, Abdelrahman said."),
    ("dig", "Uppsala team on Aswan tomb find", "2025-02-12",
     "Researchers from Uppsala described the painted tomb near Aswan as one of the best "
     "preserved of its period. Team leader Solveig Amundson said the hieroglyphic inscription "
     "names a governor of the First Cataract.\n\n"
     "The excavation, directed by Hesham Abdelrahman, will continue with photogrammetry of the "
     "burial chamber and conservation of the river boats painted on its walls."),
    # ------------------------------------------------------------------ strike
    ("strike", "Dockworkers strike at Valparaíso", "2025-06-02",
     "Dockworkers at Valparaíso walked out on Monday, halting container traffic at Terminal "
     "Pacífico Sur. Union leader Rodrigo Cifuentes said the strike would last until the "
     "operator restored night-shift bonuses.\n\n"
     "Labour minister Carolina Valenzuela called both sides to talks in Santiago. Cifuentes "
     "said the union would attend but keep the cranes idle."),
    ("strike", "Chilean port halted by walkout", "2025-06-03",
     "Container cranes stood idle in Valparaiso for a second day as dockworkers led by Rodrigo "
     "Cifeuntes kept up their strike over night-shift bonuses at Terminal Pacifico Sur.\n\n"
     "The labour minister, Carolina Valenzeula, has invited the union and the operator to "
     "talks in Santiago; Cifuentes said the walkout continues until the bonuses are restored. "
     "Valenzuela urged a quick deal."),
    # ------------------------------------------------------------------ wildfire
    ("wildfire", "Wildfire forces evacuations near Kalamata", "2025-08-18",
     "A wildfire fanned by strong winds forced the evacuation of the village of Pidima near "
     "Kalamata on Monday. Fire chief Stavros Papadimitriou said water-bombing planes were "
     "working along the ridge above the olive groves.\n\n"
     "Mayor Eleni Karagiorgi opened a school gym for evacuated families. Papadimitriou said "
     "the blaze was not yet contained."),
    ("wildfire", "Villagers flee Peloponnese blaze", "2025-08-18",
     "Residents of Pidima left their homes as a blaze spread through olive groves near "
     "Kalamata. Stavros Papadimitrou, the regional fire chief, said planes were dropping water "
     "along the ridge.\n\n"
     "Eleni Karagiorgi, the mayor, said evacuated families were sleeping in a school gym. "
     "Papadimitriou warned that the wind would rise again overnight."),
    ("wildfire", "Kalamata fire contained", "2025-08-20",
     "Firefighters have contained the wildfire that drove families from Pidima near Kalamata, "
     "fire chief Stavros Papadimitriou said on Wednesday, after planes worked the ridge for "
     "two days.\n\n"
     "Mayor Eleni Karagiorgy said the evacuated families could return home and that the olive "
     "groves had suffered most. Karagiorgi thanked the volunteers at the school gym."),
    # ------------------------------------------------------------------ launch
    ("launch", "Orbitalis launches Aurelia satellite", "2025-09-09",
     "The Aurelia weather satellite lifted off from Kourou on Tuesday night aboard an "
     "Orbitalis rocket. Mission engineer Hélène Marchetti said the first signals arrived "
     "forty minutes after launch.\n\n"
     "Aurelia will map sea-surface temperatures for eight years. Orbitalis said the upper "
     "stage performed a deorbit burn, leaving no debris in orbit."),
    ("launch", "Weather satellite reaches orbit", "2025-09-10",
     "A weather satellite named Aurelia reached orbit after a night launch from Kourou, the "
     "rocket company Orbitalsi said. Engineer Helene Marchetti confirmed that first signals "
     "came forty minutes after liftoff.\n\n"
     "The satellite will map sea-surface temperatures. Marchetti said the upper stage "
     "performed a deorbit burn, so no debris is left in orbit, as Orbitalis had promised."),
    # ------------------------------------------------------------------ unrelated
    (None, "A lentil soup for cold evenings", "2025-01-15",
     "Soften an onion and two carrots in olive oil, add a cup of red lentils, a spoon of "
     "cumin and a litre of stock, and simmer for twenty minutes. Blend half of it for a "
     "creamy texture and finish with lemon juice. It keeps for three days and freezes well."),
    (None, "Another fire season in California", "2025-07-02",
     "Firefighters in northern California contained a wildfire that forced evacuations near "
     "Redding, where water-bombing planes worked along a ridge for three days. Fire chief "
     "Daniel Whitcombe said dry grass and strong winds spread the blaze. Evacuated families "
     "sheltered in a high school gym until the order was lifted."),
    (None, "Why club chess matters", "2025-04-11",
     "Most chess players never play in an open tournament. They play on weeknights in club "
     "rooms above pubs, where a long endgame can outlast the bar staff. Club chess teaches "
     "patience, and a tiebreak there is settled with a handshake."),
    (None, "Pruning roses in late winter", "2025-02-25",
     "Cut out dead and crossing stems first, then shorten the strongest canes to an "
     "outward-facing bud. Clean secateurs prevent disease. Feed the roses with compost once "
     "the soil warms, and water deeply during dry spells."),
    (None, "The library extends its opening hours", "2025-03-03",
     "From next month the municipal library in Ostervik will open until nine on weekdays. "
     "Librarian Greta Holmberg said students had asked for quiet study space in the "
     "evenings, and that the reading room would also open on Sunday mornings."),
]

GARBLES: dict[str, dict[str, str]] = {
    "ferry": {"Vandermuelen": "Vandermeulen", "Oosterhius": "Oosterhuis", "Vleiland": "Vlieland"},
    "climbers": {"Wroblewska": "Wróblewska", "Kierczynski": "Kierczyński", "Krakow": "Kraków"},
    "chess": {"Gelashivli": "Gelashvili", "Ragunathan": "Raghunathan", "Federatoin": "Federation"},
    "dig": {"Aswn": "Aswan", "Abdelrahmen": "Abdelrahman", "Amundson": "Amundsen"},
    "strike": {"Cifeuntes": "Cifuentes", "Valenzeula": "Valenzuela", "Valparaiso": "Valparaíso",
               "Pacifico": "Pacífico"},
    "wildfire": {"Papadimitrou": "Papadimitriou", "Karagiorgy": "Karagiorgi"},
    "launch": {"Orbitalsi": "Orbitalis", "Helene": "Hélène"},
}
