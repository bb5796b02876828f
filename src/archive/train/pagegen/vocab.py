"""Invented vocabularies of the page generator: every name, template and wording it prints.

Outlet, person, place and site names, headline and sentence templates (English, French, Spanish,
German), the slot words that fill them, fair-use wordings and page furniture (navigation, share rows,
ads, categories, captions), month names.  All of it is made up for the generator; nothing is copied
from real pages.  ``articles`` composes articles from these words, ``dates`` prints dates with them.
"""

from __future__ import annotations

# --------------------------------------------------------------------------- names
FIRST_NAMES = (
    "Hal", "Mara", "Ines", "Tobias", "Ruth", "Daniel", "Leona", "Marcus", "Priya", "Oren", "Selma", "Jonah",
    "Elena", "Victor", "Amara", "Theo", "Nadia", "Felix", "Greta", "Samir", "Clara", "Ivo", "Lucia", "Kofi",
    "Hanna", "Rafael", "Yara", "Bruno", "Ingrid", "Tomas", "Celia", "Aldo", "Mirela", "Quentin", "Dora", "Emil",
    "Freya", "Anton", "Leila", "Paulo", "Noor", "Rhea", "Stellan", "Odile", "Marek", "Beatriz", "Joaquin", "Liesl",
)
LAST_NAMES = (
    "Brannock", "Quillan", "Vesper", "Ashgrove", "Tellmann", "Marwick", "Okonjo", "Delaune", "Farrow", "Kestner",
    "Lindqvist", "Varga", "Ostrowe", "Pellham", "Rudd", "Saltonstall", "Thorne", "Umber", "Wexley", "Yardley",
    "Castellan", "Dunmore", "Elsworth", "Gaudin", "Halloran", "Ibarra", "Jessop", "Kilbride", "Lazaro", "Moravec",
    "Nyberg", "Orlov", "Pradel", "Quarles", "Rennick", "Sorensby", "Tavish", "Valcourt", "Winslade", "Zeller",
    "Abernell", "Brisco", "Corvino", "Drummel", "Esquerra", "Fennimore", "Grallo", "Hartigan", "Achterberg-Rowe",
)
OUTLETS_EN = (
    "The Coastal Ledger", "Pacific Wire", "Northfield Courier", "Meridian Post", "The Harbor Sentinel",
    "Ridgeline Times", "Valley Monitor", "The Lantern Review", "Prairie Signal", "Tidewater Journal",
    "The Granite Herald", "Eastbrook Gazette", "Cinder Press", "The Open Field", "Riverbend Bulletin",
    "Summit Dispatch", "Greywater Weekly", "The Civic Lens", "Frontier Report", "Saltmarsh News",
    "The Evening Beacon", "Commonwealth Observer", "Inland Daily", "Alder Street Journal", "The Watershed",
    "Clearwater Chronicle", "Highland Record", "Metro Ledger", "Westport Examiner", "The Quarry",
    "Lowland Voice", "Borderline Review", "Driftwood Radio", "Signal Hill Media", "Northern Tide",
    "The Weekly Compass", "Ironwood Post", "Sandbar Times", "Blue Heron Report", "Copperline News",
    "Harborwatch.org", "Fieldnotes.net", "Treeline.info", "Stillwater Tribune", "The Kettle",
)
OUTLETS_FR = ("Le Courrier des Brumes", "La Vigie du Littoral", "L’Écho des Plaines", "Le Petit Phare")
OUTLETS_ES = ("La Voz del Estuario", "El Faro del Sur", "Diario Las Lomas", "Crónica Serrana")
OUTLETS_DE = ("Rheintaler Abendblatt", "Nordufer Rundschau", "Der Talbote", "Weidener Stimme")
OUTLETS = {"en": OUTLETS_EN, "fr": OUTLETS_FR, "es": OUTLETS_ES, "de": OUTLETS_DE}
#: (name, abbreviation) of invented wire agencies
AGENCIES = (("Pacific Wire Service", "PWS"), ("Northern Press Agency", "NPA"),
            ("Continental News Desk", "CND"), ("Interlake Wire", "ILW"), ("Southern Cross Agency", "SCA"))
PLACES = (
    "Port Averly", "Marrowdale", "Sillen Ridge", "Tarnholm", "Caldwick", "Esterby", "New Harlan",
    "Brightwater Falls", "Oskarva", "Lindenport", "Fallowmere", "Qorvan", "Saint Elric", "Vennick",
    "Holloway Cross", "Duneholm", "Raskova", "Mirabel Springs", "Ostmark Bay", "Kelso Point", "Greywick",
    "Amberlee", "Castor Flats", "Willowmere", "Dunstan Hollow", "Ebonridge", "Lake Corvin", "Pellworth",
)
REGIONS = ("Valdoria", "Norland Province", "the Sable Coast", "Kessaria", "the Ostrian Republic", "East Marrow")
SITE_NAMES = (
    "The Lantern Collective", "Common Ground Digest", "Watershed Watch", "Peace Desk", "Riverkeepers Network",
    "Clearcut Monitor", "Open Harbor Project", "Tidewatch Alliance", "The Fieldhouse Blog", "Civic Signal",
    "Quiet Coast Coalition", "Hearth News Roundup", "The Long Table", "Greenbelt Notes",
)
TAGLINES = (
    "News from the edges of the map", "Reading the week so you don’t have to", "Stories the headlines missed",
    "Independent notes on land, water and peace", "A reader-supported clipping service",
    "Collected reporting on war and the environment", "Local stories, gathered daily",
)
EDITORS = ("admin", "editor", "webmaster", "site team", "moderator")

# ------------------------------------------------------------------- headline words
TOPICS = ("Quarry", "Pipeline", "Dam", "Wind Farm", "Landfill", "Airport Expansion", "Port Dredging",
          "Firing Range", "Copper Mine", "Refinery", "Desalination Plant", "Rail Link", "Logging Permit",
          "Fish Farm", "Water Tax", "Housing Plan", "Clinic Closure", "Border Fence", "Data Center", "Solar Park",
          "Incinerator", "Toll Road", "Seawall", "Naval Base")
#: the topics that are places or works (what sentences about leaks, closures and inspections talk about)
WORKS = ("quarry", "pipeline", "dam", "wind farm", "landfill", "firing range", "copper mine", "refinery",
         "desalination plant", "rail link", "fish farm", "incinerator", "toll road", "seawall", "naval base",
         "data center", "solar park")
GROUPS = ("Farmers", "Fishermen", "Nurses", "Residents", "Students", "Teachers", "Herders", "Dockworkers",
          "Tenants", "Miners", "Beekeepers", "Veterans", "Ferry Crews", "Parents")
HVERBS = ("Rejects", "Approves", "Delays", "Backs", "Shelves", "Revives", "Questions", "Blocks", "Reopens")
EVENTS = ("Floods", "Wildfire", "Landslide", "Chemical Spill", "Storm", "Heat Wave", "Drought", "Blackout")
PROBLEMS = ("Asthma", "Cancer Rates", "Crop Losses", "Rents", "School Closures", "Fish Kills", "Debt")
LANDMARKS = ("Salt Marsh", "Old Harbor", "River Delta", "Cedar Forest", "Lighthouse", "Wetlands", "Town Square",
             "Reef", "Water Meadows", "Mill Pond")
THINGS = ("Trawlers", "Pesticides", "Drones", "Trucks", "Plastic Bags", "Jet Skis", "Billboards", "Dredgers")
AREAS = ("the Coast", "Protected Forests", "City Parks", "the Delta", "Grazing Land", "the Old Town")
BODIES = ("Water Board", "Defense Ministry", "Harbor Authority", "Regional Council", "Energy Agency",
          "Health Department", "Land Office", "Transport Ministry", "Fisheries Board")
NUMS = ("Forty", "200", "1,500", "Dozens of", "Hundreds of", "Thousands of", "Twelve", "3,000")
HQUOTES = ("We Were Never Asked", "This Land Is Not for Sale", "Nobody Told Us", "Our Wells Are Dry",
           "Enough Is Enough", "We Will Not Move", "Who Signed This?")
ADJ_T = ("Secret", "Rushed", "Long-Delayed", "Controversial", "Cross-Border", "Costly", "Stalled", "Billion-Dollar")

HEADLINES_EN = (
    "{Place} Council {HVerb} {Topic} Plan", "{Topic} Dispute Deepens as {Groups} Block Access Road",
    "{Num} {Groups} Displaced After {Event} in {Place}", "Why {Place} Is Fighting Over Its {Topic}",
    "{Body} Quietly Approves {AdjT} {Topic} Deal", "‘{HQuote}’: {Groups} Protest {Topic} in {Place}",
    "Study Links {Topic} to Rising {Problem} in {Place}", "Will {Place} Finally Get Its {Topic}?",
    "{Topic} Leak Forces Evacuation of {Num} Homes", "Inside the Fight to Save {Place}’s {Landmark}",
    "{Person} Named to Lead {Topic} Inquiry", "Court Halts {Topic} Project Near {Place}",
    "{Place} Votes to Ban {Things} From {Area}", "Report: {Num} {Things} Failed Safety Checks Last Year",
    "{Groups} Say {Topic} Has Poisoned Their Wells", "{Place} Braces for {Event} as Reservoirs Run Low",
    "Lawmakers Clash Over {Topic} Funding", "After the {Event}, {Place} Asks Who Pays",
    "{Body} Admits {Topic} Data Was Incomplete", "The Quiet Collapse of {Place}’s {Landmark}",
    "{Groups} Win Reprieve in {Topic} Case", "New Rules Would Open {Area} to {Things}",
    "{Place} Residents Demand Answers on {Topic}", "How a {AdjT} {Topic} Plan Divided {Place}",
    "{Wnum} Days Without Water: {Place} Waits", "{Event} Report Exposes Cracks in {Place}’s {Topic}",
    "{Groups} March on {Place} Over {Topic}", "{Body} Fined for Hiding {Topic} Costs",
    "Can {Landmark} Survive the {Topic}?", "{Place} Mayor Breaks Silence on {Topic}",
)
DECKS_EN = ("Residents Say They Were Never Consulted", "Officials Promise a Review Within {Wnum} Weeks",
            "Critics Call the Deal a Giveaway", "Second Vote Expected in {Month}", "Company Denies Any Wrongdoing",
            "Regulators Say the Figures Were Within Limits", "Campaigners Vow to Take the Case to Court")
STANDFIRSTS_EN = (
    "{Groups} say the plan was drawn up without them, and they want it scrapped.",
    "The decision follows {wnum} months of hearings and more than {n} written objections.",
    "Officials insist the project is safe, but their own documents tell a different story.",
    "A leaked memo suggests the costs were known long before the vote.",
)
HEADLINES_FR = ("{Place}\u00a0: le conseil rejette le projet de {topic_fr}", "Les {groups_fr} de {Place} manifestent",
                "{topic_fr_cap}\u00a0: les habitants de {Place} demandent des comptes",
                "À {Place}, la colère monte contre le {topic_fr}", "Sécheresse\u00a0: {Place} rationne l’eau")
HEADLINES_ES = ("{Place} rechaza el proyecto de {topic_es}", "Los {groups_es} de {Place} salen a la calle",
                "{topic_es_cap}: los vecinos de {Place} exigen respuestas",
                "En {Place}, crece el rechazo al {topic_es}", "Sequía: {Place} raciona el agua")
HEADLINES_DE = ("{Place} stoppt das {topic_de}-Projekt", "{groups_de_cap} in {Place} gehen auf die Straße",
                "{topic_de_cap}: Anwohner in {Place} fordern Antworten", "Wachsender Widerstand in {Place}",
                "Dürre: {Place} rationiert das Wasser")

# ------------------------------------------------------------------- sentence words
BUILDINGS = ("town hall", "courthouse", "harbor office", "ministry gates", "regional assembly", "company depot")
ROLES_PEOPLE = ("a spokeswoman for", "a spokesman for", "the director of", "a lawyer for", "an engineer with",
                "a board member of", "the chair of", "a researcher at")
ORGS = ("the Harbor Authority", "the regional water board", "the Ministry of Public Works", "the Tarnholm Institute",
        "the Coastal Farmers Union", "the Fallowmere Clinic", "the Esterby Land Trust", "Brightline Energy",
        "Ostmark Shipping", "the Valdorian Red Crescent", "the Lake Corvin Residents Association",
        "the national audit office", "Quarrymen’s Local 12", "the Kelso Point Fire Service")
COMMODITIES = ("bread", "diesel", "rice", "fresh fish", "cooking gas", "school uniforms", "rent")
LANDCOVER = ("mangrove", "peat bog", "old-growth forest", "grazing land", "wetland")
FACILITIES = ("clinic", "secondary school", "market", "well", "bank branch", "bus stop")
HYPHEN_ADJ = ("long-delayed", "cross-border", "low-income", "state-owned", "so-called", "three-year",
              "hard-won", "short-lived", "far-reaching", "well-funded", "closed-door", "last-minute")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
WORD_NUMS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")
QUOTES_EN = ("We have waited long enough for an honest answer", "Nobody in this valley was consulted",
             "The numbers simply do not add up", "This is about our children’s health",
             "We are not against progress, we are against being lied to", "They promised jobs and sent us bills",
             "Every spring the water comes higher", "I have never seen the river this low",
             "We will keep coming back until someone listens")
SENTENCES_EN = (
    "Officials in {Place} said on {Weekday} that the {topic} would stay closed until at least {Month}.",
    "The {hadj} plan would cost about ${small} million over {wnum} years, according to figures released by {org}.",
    "“{Quote},” said {Person}, {role} {org}.",
    "{Groups} from {Place} have gathered outside the {building} every {Weekday} since {Month}.",
    "More than {n} people have signed a petition asking {org} to reconsider.",
    "The report, which runs to {small} pages, found that {pct} of the sites inspected failed basic checks.",
    "{Surname} called the figures “deeply misleading” and asked for an independent audit.",
    "Critics say the {hadj} project was approved without a proper hearing.",
    "A spokesman for {org} declined to comment on the proposal.",
    "In {year}, a similar {topic} was abandoned after {n} complaints.",
    "The motion passed by {small} votes to {small2}, with {wnum} members abstaining.",
    "Residents of {Place} say their tap water has tasted of metal since {Month}.",
    "“We were never asked,” {Surname} said. “Nobody came to the door.”",
    "{Org} has promised a full review by the end of {year}.",
    "Engineers estimate that the old {topic} loses roughly {n} liters an hour.",
    "Most of the {groups} interviewed said they had not been told about the {hadj} changes.",
    "{Person}, who has lived in {Place} for {small} years, said the shoreline was no longer recognizable.",
    "The ministry said it would publish its findings within {wnum} weeks.",
    "At least {small} families have already left the district, according to local aid workers.",
    "Prices for {commodity} have risen {pct} since the {event} began.",
    "{Org} did not respond to requests for comment by {Weekday} evening.",
    "Satellite images show that {n} hectares of {landcover} have been cleared near {Place} since {year}.",
    "Some {groups} now travel {small} kilometers to reach the nearest {facility}.",
    "A court in {Place} is expected to rule on the case in {Month}.",
    "“{Quote}. It really is that simple,” {Surname} said.",
    "That figure is nearly double the {n} recorded the previous year.",
    "Under the agreement, the land would be handed back to {Place} by {year2}.",
    "The survey covered {n} households in {wnum} districts of {Region}.",
    "Neither side has said when the talks will resume.",
    "The town has been under a {hadj} water ration since the {event}.",
    "Local officials put the damage at {n} homes and {small} bridges.",
    "The company said its {topic} met every standard in force at the time.",
    "Opponents plan to deliver {n} letters to the {building} on {Weekday}.",
    "Records obtained by the newspaper show that {pct} of the budget was never spent.",
    "{Surname} said the inquiry had been “a box-ticking exercise from the start.”",
    "It is the {ordinal} such incident in {Region} this year.",
    "The {groups} say they will return next {Weekday} with more supporters.",
    "Questions remain about who approved the {hadj} contract and why it was kept from the council.",
)
SUBHEADS_EN = ("What Happens Next", "A Familiar Pattern", "Who Pays", "Questions About Oversight",
               "The View From {Place}", "Years of Warnings", "Counting the Cost", "An Uneasy Truce")

SENTENCES_FR = (
    "Les autorités de {Place} ont annoncé {weekday_fr} que le site resterait fermé jusqu’en {month_fr}.",
    "« {quote_fr} », a déclaré {Person}, porte-parole de l’association.",
    "Selon un rapport publié en {year}, {pct_fr} des sites inspectés ne respectaient pas les normes.",
    "Plus de {n_fr} personnes ont signé une pétition adressée au conseil régional.",
    "Les {groups_fr} de {Place} se rassemblent devant la mairie chaque {weekday_fr} depuis des mois.",
    "Le projet, estimé à {small} millions d’euros, divise profondément la commune.",
    "{Surname} estime que l’enquête publique a été « bâclée ».",
    "Aucune date n’a été fixée pour la reprise des discussions.",
    "Le préfet a promis une nouvelle étude d’impact avant la fin de l’année {year2}.",
    "À {Place}, les commerçants affirment avoir perdu près de {pct_fr} de leur chiffre d’affaires.",
    "Les opposants dénoncent un dossier « monté en quelques semaines ».",
    "La commune compte désormais {small} familles relogées dans des bâtiments provisoires.",
    "Le tribunal administratif doit se prononcer en {month_fr}.",
    "L’entreprise assure que ses installations respectent toutes les normes en vigueur.",
)
SENTENCES_ES = (
    "Las autoridades de {Place} anunciaron el {weekday_es} que el sitio seguirá cerrado hasta {month_es}.",
    "«{quote_es}», afirmó {Person}, portavoz de la asociación vecinal.",
    "Según un informe publicado en {year}, el {pct_es} de los sitios inspeccionados no cumplía las normas.",
    "Más de {n_es} personas firmaron una petición dirigida al gobierno regional.",
    "Los {groups_es} de {Place} se concentran frente al ayuntamiento cada {weekday_es} desde hace meses.",
    "El proyecto, valorado en {small} millones de euros, divide a los vecinos.",
    "{Surname} considera que la consulta pública fue «un trámite vacío».",
    "No se ha fijado una fecha para retomar las negociaciones.",
    "El alcalde prometió un nuevo estudio de impacto antes de que termine {year2}.",
    "En {Place}, los comerciantes dicen haber perdido casi el {pct_es} de sus ventas.",
    "Los opositores denuncian un expediente «armado en pocas semanas».",
    "El municipio ya ha realojado a {small} familias en viviendas provisionales.",
    "El tribunal deberá pronunciarse en {month_es}.",
    "La empresa asegura que sus instalaciones cumplen todas las normas vigentes.",
)
SENTENCES_DE = (
    "Die Behörden in {Place} teilten am {weekday_de} mit, das Gelände bleibe bis {month_de} geschlossen.",
    "„{quote_de}“, sagte {Person} von der Bürgerinitiative.",
    "Laut einem im Jahr {year} veröffentlichten Bericht erfüllten {pct_de} der geprüften Anlagen die Auflagen nicht.",
    "Mehr als {n_de} Menschen haben eine Petition an den Landtag unterschrieben.",
    "Die {groups_de} aus {Place} versammeln sich seit Monaten jeden {weekday_de} vor dem Rathaus.",
    "Das Vorhaben soll rund {small} Millionen Euro kosten und spaltet die Gemeinde.",
    "{Surname} hält das Verfahren für „eine reine Formsache“.",
    "Ein Termin für neue Gespräche steht noch nicht fest.",
    "Der Landrat kündigte bis Ende {year2} ein neues Gutachten an.",
    "In {Place} klagen Händler über Umsatzeinbußen von fast {pct_de}.",
    "Die Gegner sprechen von einem „im Eiltempo durchgewunkenen“ Verfahren.",
    "Bislang wurden {small} Familien in Notunterkünften untergebracht.",
    "Das Verwaltungsgericht will im {month_de} entscheiden.",
    "Das Unternehmen versichert, alle geltenden Vorschriften einzuhalten.",
)
FR = dict(topics=("barrage", "incinérateur", "port de plaisance", "champ d’éoliennes", "oléoduc"),
          groups=("pêcheurs", "agriculteurs", "habitants", "enseignants", "infirmières"),
          quotes=("Personne ne nous a consultés", "Nous ne partirons pas", "L’eau est notre seule richesse"),
          weekdays=("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
          months=("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
                  "octobre", "novembre", "décembre"),
          wd_abbr=("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."))
ES = dict(topics=("embalse", "incinerador", "puerto deportivo", "parque eólico", "oleoducto"),
          groups=("pescadores", "agricultores", "vecinos", "maestros", "enfermeros"),
          quotes=("Nadie nos consultó", "No nos vamos a ir", "El agua es lo único que tenemos"),
          weekdays=("lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"),
          months=("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
                  "octubre", "noviembre", "diciembre"))
DE = dict(topics=("Staudamm", "Müllofen", "Windpark", "Hafenausbau", "Pipeline"),
          groups=("Fischer", "Landwirte", "Anwohner", "Lehrer", "Pflegekräfte"),
          quotes=("Uns hat niemand gefragt", "Wir bleiben hier", "Das Wasser ist alles, was wir haben"),
          weekdays=("Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag", "Samstag", "Sonntag"),
          months=("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
                  "November", "Dezember"))
#: byline prefixes ("By ...") per language
BY_WORDS = {"en": "By", "fr": "Par", "es": "Por", "de": "Von"}

# ------------------------------------------------------------------- furniture
NAV_ITEMS = ("Home", "About", "Archive", "Contact", "Donate", "Take Action", "Topics", "Newsletter", "Events",
             "Podcast", "Search", "Subscribe", "Latest", "Opinion")
SHARE_ITEMS = ("Share", "Email", "Print", "Copy link", "Save", "Post", "Send")
ADS = ("Advertisement", "ADVERTISEMENT", "Sponsored content", "Story continues below", "Support our work")
WIDGET_LABELS = ("Recent Posts", "Categories", "Archives", "Tags", "Most Read", "Follow Us", "Join the list")
CATEGORIES = ("Environment", "World", "Water", "Health", "Labor", "Energy", "Oceans", "Land Rights", "Military",
              "Climate", "Housing", "Agriculture", "Cities", "Justice")
CAPTION_TEMPLATES = ("Photo: {Groups} gather near the {building} in {Place} on {Weekday}. "
                     "({Outlet} / {Initial}. {Surname})",
                     "(Photo: {Person} / {Outlet})",
                     "{Place}, {Month} {day}, {year}. (Photo: {Person} via {Outlet})",
                     "The {landmark} at {Place}, where the work is planned. ({Outlet} file photo)",
                     "FILE - A crew inspects the {topic} outside {Place}. (Photo by {Person})")
FAIR_USE_NOTES = (
    "Reposted for noncommercial, educational use under the fair use provisions of Title 17, Section 107, US Code.",
    "FAIR USE NOTICE: This page contains copyrighted material that its owners have not specifically authorized us "
    "to use. We share it without profit to advance public understanding of the issues it covers, which we believe "
    "is a fair use under Section 107 of the US Copyright Act. To use it for other purposes, ask the copyright owner.",
    "Fair use: excerpts are reproduced here for comment, research and teaching, as permitted by 17 U.S.C. § 107.",
    "These articles are shared in keeping with Title 17 U.S.C. Section 107 (fair use) for research and "
    "educational purposes only.",
    "Copyright remains with the original publishers. Reproduced under fair use (Title 17, Section 107) for "
    "non-profit educational purposes.",
    "Note: we reprint this material without charge for readers studying these issues; we consider it a fair use "
    "under Title 17, Section 107.",
)
FAIR_USE_FR = ("Articles reproduits à des fins éducatives et non commerciales, conformément au principe du "
               "fair use (Title 17, Section 107).")
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")
MONTHS_AP = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
MONTHS_ABBR = ("Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
MONTHS_SHORT = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
RELATIVE_AGES = ("5 years ago", "2h", "1 hour ago", "3 days ago", "35m", "Yesterday", "2 weeks ago", "6 hrs ago")
