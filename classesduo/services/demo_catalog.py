"""The demo programme's cast: real arrondissements, real cities with cooperation pacts with Paris.

School names are invented; nothing here describes a real class.
"""

from __future__ import annotations

from datetime import time

from classesduo.domain.availability import WeeklyWindow

# name, arrondissement
PARIS_SCHOOLS: list[tuple[str, int]] = [
    ("École élémentaire Saint-Merri", 4),
    ("École élémentaire Béranger", 3),
    ("École élémentaire Buffon", 5),
    ("École élémentaire Parmentier", 11),
    ("École élémentaire Daumesnil", 12),
    ("École élémentaire Tolbiac", 13),
    ("École élémentaire Vaugirard", 15),
    ("École élémentaire Batignolles", 17),
    ("École élémentaire Championnet", 18),
    ("École élémentaire Crimée", 19),
    ("École élémentaire Belleville", 20),
    ("École élémentaire Pyrénées", 20),
]


def _school_day(start: time, end: time, days: range = range(5)) -> list[WeeklyWindow]:
    return [WeeklyWindow(day, start, end) for day in days]


# name, city, country, zone, languages, level, windows
PARTNER_SCHOOLS: list[tuple[str, str, str, str, list[str], str, list[WeeklyWindow]]] = [
    ("Escuela N.º 12 Juan B. Alberdi", "Buenos Aires", "AR", "America/Argentina/Buenos_Aires", ["es"],
     "4.º grado", _school_day(time(8, 0), time(16, 0))),
    ("École Saint-Louis-de-Gonzague", "Montréal", "CA", "America/Toronto", ["fr", "en"],
     "4e année", _school_day(time(8, 0), time(15, 0))),
    ("港区立白金小学校", "Tokyo", "JP", "Asia/Tokyo", ["ja"],
     "4年生", _school_day(time(8, 30), time(15, 30))),
    ("École élémentaire Liberté 6", "Dakar", "SN", "Africa/Dakar", ["fr", "wo"],
     "CM1", _school_day(time(8, 0), time(17, 0))),
    ("Colegio Público Cervantes", "Madrid", "ES", "Europe/Madrid", ["es"],
     "4.º de Primaria", _school_day(time(9, 0), time(16, 0))),
    ("서울한빛초등학교", "Séoul", "KR", "Asia/Seoul", ["ko"],
     "4학년", _school_day(time(9, 0), time(14, 30))),
    ("Escuela Primaria Benito Juárez", "Ciudad de México", "MX", "America/Mexico_City", ["es"],
     "4.º grado", _school_day(time(8, 0), time(13, 0))),
    ("Scuola primaria Daniele Manin", "Roma", "IT", "Europe/Rome", ["it"],
     "classe quarta", _school_day(time(8, 30), time(16, 30))),
    ("École primaire Saint-Jean-Baptiste", "Québec", "CA", "America/Toronto", ["fr"],
     "4e année", _school_day(time(8, 0), time(15, 0))),
    ("Lakeshore Elementary School", "San Francisco", "US", "America/Los_Angeles", ["en"],
     "Grade 4", _school_day(time(8, 30), time(14, 30))),
    ("Groupe scolaire du Plateau", "Abidjan", "CI", "Africa/Abidjan", ["fr"],
     "CM1", _school_day(time(7, 30), time(16, 30))),
    ("Sequoyah Elementary School", "Knoxville", "US", "America/New_York", ["en"],
     "Grade 4", _school_day(time(8, 0), time(15, 0))),
]

# name, languages
FACILITATORS: list[tuple[str, list[str]]] = [
    ("Camille Martin", ["fr", "es"]),
    ("Hiroshi Tanaka", ["fr", "ja"]),
    ("Awa Diop", ["fr", "wo"]),
    ("Ji-woo Park", ["fr", "ko"]),
    ("Emily Carter", ["fr", "en"]),
    ("Giulia Rossi", ["fr", "it"]),
]

PROJECTS = [
    "Nos quartiers : chaque classe présente son quartier en photos et en dessins.",
    "Les fêtes de l'année : chansons et traditions des deux pays.",
    "Le petit-déjeuner autour du monde : recettes, mots et dessins.",
    "Jeux de cour de récréation : on s'apprend nos jeux par visio.",
    "Animaux de nos villes : un abécédaire illustré à quatre mains.",
    "Correspondance : lettres, questions-réponses et carnets de voyage.",
]

ACTIVITIES = [
    ("Présentation des élèves et de l'école, questions-réponses.", ["presentation", "qa"]),
    ("Chanson apprise dans les deux langues.", ["song"]),
    ("Jeu de devinettes sur les animaux.", ["game"]),
    ("Échange de dessins du quartier, commentés par les enfants.", ["drawing_exchange", "presentation"]),
    ("Lecture d'un conte à deux voix.", ["reading"]),
    ("Quiz sur les fêtes traditionnelles.", ["game", "qa"]),
]
