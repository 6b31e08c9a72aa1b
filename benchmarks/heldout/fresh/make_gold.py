"""Write gold.json for the second held-out set: written after the rules were tuned on the
first set (../), so its score is the honest estimate for unseen articles."""
import json
from pathlib import Path

E = []


def err(article, kind, *texts, required=True, case_sensitive=False):
    for t in texts:
        item = {"article": article, "text": t, "kind": kind, "required": required}
        if case_sensitive:
            item["case_sensitive"] = True
        E.append(item)


a = "antofagasta-water-ruling.txt"
err(a, "case", "antofagasta", "china", case_sensitive=True)
err(a, "foreign", "Por supuesto", "Sin duda")
err(a, "misspelling", "neccessary", "embarassing")
err(a, "grammar", "to to", "a eight-hour")
err(a, "variant", "Ilanes")
err(a, "ocr", "ernployees", "c1aims")
err(a, "repetition", "a serious breach, a serious breach")
err(a, "spacing", "short -term")
err(a, "real-word", "who's family", "wether the", required=False)

a = "ghent-flood-warning.txt"
err(a, "ocr", "rnillimetres", "f1ood")
err(a, "repetition", "higher than ever, higher than ever")
err(a, "misspelling", "begining", "recomend", "enviroment", "occassion")
err(a, "foreign", "Desondanks")
err(a, "case", "ghent", "maastricht", "belgium", case_sensitive=True)
err(a, "variant", "Vermuelen")
err(a, "spacing", "long- standing")
err(a, "grammar", "An European")

gold = {
    "about": "Second held-out set (see make_gold.py). Same format as the development gold.json.",
    "errors": E,
    "entities": [
        {"label": "PERSON", "texts": [
            "Rodrigo Illanes", "Illanes", "Ilanes", "Camila Fuentes Araya", "Tomás Lagos",
            "Joke Vermeulen", "Vermuelen", "Pieter-Jan De Smet"]},
        {"label": "PLACE", "texts": [
            "ANTOFAGASTA", "Chile", "Peine", "Atacama", "antofagasta", "china",
            "GHENT", "Belgium", "East Flanders", "Limburg", "Scheldt", "Leie", "ghent",
            "Rotterdam", "maastricht", "Meuse", "Brussels", "belgium"]},
        {"label": "ORG", "texts": [
            "Minera Los Cóndores", "Supreme Court", "Banco Santander", "University of Chile",
            "National Water Directorate", "Ministry of Mining and Energy",
            "Royal Meteorological Institute", "VRT", "Flanders Environment Agency",
            "Rijkswaterstaat", "European Commission", "EU"]},
        {"label": "DATE", "texts": ["15 March 2025", "17 July 2021", "Jan. 5, 2024"]},
    ],
    "entities_acceptable": [
        "Monday", "Tuesday", "Thursday", "Saturday", "Saturday morning", "2019", "Judge",
        "Lawyers", "Analysts", "Chilean", "Belgian", "Dutch", "Flemish", "Forecaster",
        "Insurers", "Residents", "Across", "Atacama desert", "Jan", "Minera", "Los Cóndores",
        "Royal", "Meteorological Institute", "Mining", "Energy", "National Water",
    ],
}
Path(__file__).with_name("gold.json").write_text(
    json.dumps(gold, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
