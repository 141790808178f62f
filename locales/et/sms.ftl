# Kinnituskoodiga SMS. Portaal lisab selle alla rea, mida brauserid loevad (`@host #kood`).
# Tähed õ, š ja ž ei kuulu GSM-7 tähestikku ja teeksid SMS-i pikkuseks 70 märki: see tekst
# on ilma nendeta. Rakenduse nimi jääb käändumata, seepärast on see ees.
sms-code = { $app }: sinu kinnituskood on { $code }.
