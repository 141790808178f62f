# Warum eine eingegebene Telefonnummer abgelehnt wird (domain/phone.rs).
phone-unreadable = Geben Sie die Telefonnummer mit Landesvorwahl ein, beginnend mit + (zum Beispiel +49 151 23456789).
phone-invalid = Das ist keine gültige Telefonnummer. Prüfen Sie die Landesvorwahl und die Ziffern.
phone-premium-rate = Das ist eine Mehrwertnummer, die keine SMS empfangen kann. Geben Sie eine Mobilnummer ein.
phone-toll-free = Das ist eine gebührenfreie Nummer, die keine SMS empfangen kann. Geben Sie eine Mobilnummer ein.
phone-shared-cost = Das ist eine Nummer mit geteilten Kosten, die keine SMS empfangen kann. Geben Sie eine Mobilnummer ein.
phone-landline = Das ist eine Festnetznummer, die keine SMS empfangen kann. Geben Sie eine Mobilnummer ein.
phone-voip = Das ist eine Internettelefonie-Nummer (VoIP), die keine SMS empfangen kann. Geben Sie eine Mobilnummer ein.
phone-voicemail = Das ist eine Mailbox-Nummer, die keine SMS empfangen kann. Geben Sie eine Mobilnummer ein.
phone-not-mobile = Diese Nummer kann keine SMS empfangen. Geben Sie eine Mobilnummer ein.
phone-country-not-allowed = An Nummern in diesem Land können keine SMS gesendet werden. Verwenden Sie eine Nummer aus einem zugelassenen Land.
