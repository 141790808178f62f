# Iga lehe raam: päis, menüüd, teadeteribad.
skip-to-content = Mine sisu juurde
nav-account = Konto
nav-control-center = Halduskeskus
nav-manage-rooms = Halda andmeruume
nav-profile = Profiil
nav-security = Turvalisus
nav-change-password = Muuda parooli
nav-sign-out = Logi välja
nav-sign-in = Logi sisse
nav-create-account = Loo konto
nav-menu = Menüü
menu-signed-in-as = Sisse logitud: { $name }
language = Keel
banner-development = Arendusrežiim
banner-sms-development = SMS on arendusrežiimis: kinnituskoodid kirjutatakse serveri logisse, neid ei saadeta.
banner-set-up = Kaheastmelise kinnitamise seadistamine
banner-add-passkey-by = Lisa pääsuvõti hiljemalt { $date }: sinu administraator nõuab seda.
banner-add-passkey-now = Lisa kohe
banner-set-up-by = Seadista kaheastmeline kinnitamine hiljemalt { $date }.
banner-set-up-now = Seadista kohe

# Kuupäevad ja kellaajad. { $time } on 24-tunnine "19:34"; kõik ajad on UTC.
date-time = { $day }. { $month } { $year } kell { $time } UTC
month-1 = jaan
month-2 = veebr
month-3 = märts
month-4 = apr
month-5 = mai
month-6 = juuni
month-7 = juuli
month-8 = aug
month-9 = sept
month-10 = okt
month-11 = nov
month-12 = dets

# Ajavahemikud, koos arvuga.
minutes = { $count ->
    [one] { $count } minut
   *[other] { $count } minutit
}
hours = { $count ->
    [one] { $count } tund
   *[other] { $count } tundi
}
days = { $count ->
    [one] { $count } päev
   *[other] { $count } päeva
}

# Osad, mida iga leht võib kasutada.
error-summary-title = Midagi on valesti
error-prefix = Viga:
warning-prefix = Hoiatus:
cancel = Loobu
column-action = Tegevus
step-of = Samm { $number }/{ $total }
phone-example-national = näiteks { $national } või { $international }; teiste riikide numbrid algavad märgiga + ja riigikoodiga
phone-example-international = koos riigikoodiga, näiteks +372 5123 4567
