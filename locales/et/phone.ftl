# Miks sisestatud telefoninumbrit ei võeta vastu (domain/phone.rs).
phone-unreadable = Sisesta telefoninumber koos riigikoodiga, alustades märgiga + (näiteks +372 5123 4567).
phone-invalid = See ei ole kehtiv telefoninumber. Kontrolli riigikoodi ja numbreid.
phone-premium-rate = See on lisatasuline number, mis ei saa SMS-e vastu võtta. Sisesta mobiiltelefoni number.
phone-toll-free = See on tasuta number, mis ei saa SMS-e vastu võtta. Sisesta mobiiltelefoni number.
phone-shared-cost = See on jagatud tasuga number, mis ei saa SMS-e vastu võtta. Sisesta mobiiltelefoni number.
phone-landline = See on lauatelefoni number, mis ei saa SMS-e vastu võtta. Sisesta mobiiltelefoni number.
phone-voip = See on internetitelefoni (VoIP) number, mis ei saa SMS-e vastu võtta. Sisesta mobiiltelefoni number.
phone-voicemail = See on kõneposti number, mis ei saa SMS-e vastu võtta. Sisesta mobiiltelefoni number.
phone-not-mobile = See number ei saa SMS-e vastu võtta. Sisesta mobiiltelefoni number.
phone-country-not-allowed = Selle riigi numbritele ei saa SMS-e saata. Kasuta lubatud riigi numbrit.
