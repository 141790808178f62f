# Ramen på varje sida: sidhuvud, menyer, banderoller.
skip-to-content = Hoppa till innehållet
nav-account = Konto
nav-control-center = Kontrollpanel
nav-manage-rooms = Hantera datarum
nav-profile = Profil
nav-security = Säkerhet
nav-change-password = Byt lösenord
nav-sign-out = Logga ut
nav-sign-in = Logga in
nav-create-account = Skapa konto
nav-menu = Meny
menu-signed-in-as = Inloggad som { $name }
language = Språk
banner-development = Utvecklingsläge
banner-sms-development = Sms är i utvecklingsläge: verifieringskoderna skrivs till serverns logg och skickas inte.
banner-set-up = Konfiguration av tvåstegsverifiering
banner-add-passkey-by = Lägg till en lösennyckel senast { $date }: din administratör kräver det.
banner-add-passkey-now = Lägg till en nu
banner-set-up-by = Konfigurera tvåstegsverifiering senast { $date }.
banner-set-up-now = Konfigurera nu

# Datum och tider. { $time } är 24-timmars ”19:34”; alla tider är UTC.
date-time = { $day } { $month } { $year } kl. { $time } UTC
month-1 = jan.
month-2 = feb.
month-3 = mars
month-4 = apr.
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = aug.
month-9 = sep.
month-10 = okt.
month-11 = nov.
month-12 = dec.

# Tidsperioder, med talet.
minutes = { $count ->
    [one] { $count } minut
   *[other] { $count } minuter
}
hours = { $count ->
    [one] { $count } timme
   *[other] { $count } timmar
}
days = { $count ->
    [one] { $count } dag
   *[other] { $count } dagar
}

# Delar som alla sidor kan använda.
error-summary-title = Något behöver rättas
error-prefix = Fel:
warning-prefix = Varning:
cancel = Avbryt
column-action = Åtgärd
step-of = Steg { $number } av { $total }
phone-example-national = till exempel { $national } eller { $international }; nummer från andra länder börjar med + och landsnumret
phone-example-international = med landsnumret, till exempel +46 70 123 45 67
