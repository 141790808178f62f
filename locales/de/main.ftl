# Der Rahmen jeder Seite: Kopfzeile, Menüs, Hinweisbanner.
skip-to-content = Zum Inhalt springen
nav-account = Konto
nav-control-center = Verwaltung
nav-manage-rooms = Datenräume verwalten
nav-profile = Profil
nav-security = Sicherheit
nav-change-password = Passwort ändern
nav-sign-out = Abmelden
nav-sign-in = Anmelden
nav-create-account = Konto erstellen
nav-menu = Menü
menu-signed-in-as = Angemeldet als { $name }
language = Sprache
banner-development = Entwicklungsmodus
banner-sms-development = SMS-Versand im Entwicklungsmodus: Bestätigungscodes werden ins Serverprotokoll geschrieben, nicht versendet.
banner-set-up = Einrichtung der Bestätigung in zwei Schritten
banner-add-passkey-by = Fügen Sie bis zum { $date } einen Passkey hinzu: Ihr Administrator verlangt das.
banner-add-passkey-now = Jetzt hinzufügen
banner-set-up-by = Richten Sie die Bestätigung in zwei Schritten bis zum { $date } ein.
banner-set-up-now = Jetzt einrichten

# Datum und Uhrzeit. { $time } ist 24-Stunden "19:34"; alle Zeiten sind UTC.
date-time = { $day }. { $month } { $year }, { $time } UTC
month-1 = Jan.
month-2 = Feb.
month-3 = März
month-4 = Apr.
month-5 = Mai
month-6 = Juni
month-7 = Juli
month-8 = Aug.
month-9 = Sept.
month-10 = Okt.
month-11 = Nov.
month-12 = Dez.

# Zeitspannen, mit der Zahl.
minutes = { $count ->
    [one] { $count } Minute
   *[other] { $count } Minuten
}
hours = { $count ->
    [one] { $count } Stunde
   *[other] { $count } Stunden
}
days = { $count ->
    [one] { $count } Tag
   *[other] { $count } Tage
}

# Teile, die jede Seite verwenden kann.
error-summary-title = Es gibt ein Problem
error-prefix = Fehler:
warning-prefix = Warnung:
cancel = Abbrechen
column-action = Aktion
step-of = Schritt { $number } von { $total }
phone-example-national = zum Beispiel { $national } oder { $international }; Nummern aus anderen Ländern beginnen mit + und der Landesvorwahl
phone-example-international = mit Landesvorwahl, zum Beispiel +49 151 23456789
