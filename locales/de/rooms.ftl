# Datenräume in der Verwaltung (/admin/rooms).
rooms-title = Datenräume
rooms-new-title = Neuen Datenraum erstellen
rooms-create-button = Datenraum erstellen
rooms-none-yet = Noch keine Datenräume.
rooms-name = Name
rooms-enforced = Erzwungene Bestätigung in zwei Schritten
rooms-address = Anwendungsadresse
rooms-on = Ein
rooms-off = Aus
rooms-no-address = Keine
rooms-edit = Bearbeiten
rooms-back = Zurück zu den Datenräumen
rooms-edit-settings = Einstellungen bearbeiten
rooms-edit-title = Einstellungen bearbeiten: { $room }
rooms-save = Speichern
rooms-admins = Administratoren des Datenraums
rooms-no-admins = Keine
rooms-groups = Benutzergruppen
rooms-no-groups = Noch keine Benutzergruppen.
rooms-group = Gruppe
rooms-members = Mitglieder
rooms-user-rights = Benutzerrechte
# Nach „Benutzerrechte“, für Screenreader.
rooms-of-group = von { $group }
rooms-new-group = Neue Benutzergruppe
rooms-create-group = Gruppe erstellen
rooms-address-hint = Optional. Die eigene Anwendung des Raums, so wie seine Mitglieder sie öffnen: die vollständige Adresse, beginnend mit https:// (oder http://), zum Beispiel https://docs.example.com/deal/. Ohne Benutzernamen, Passwort oder #Fragment. Mitglieder, die den Schritt des Raums bestehen, werden dorthin geleitet, und der Reverse Proxy davor fragt Twostep, wer sie öffnen darf.
rooms-enable-enforced = Erzwungene Bestätigung in zwei Schritten einschalten
rooms-enforced-hint = Mitglieder mit einer Telefonnummer für die Bestätigung in zwei Schritten in diesem Datenraum geben einmal pro Sitzung einen per SMS gesendeten Code ein, bevor sich der Datenraum öffnet.
rooms-admins-hint = E-Mail-Adressen bestehender Konten, durch Kommas getrennt. Administratoren des Datenraums verwalten ihn und werden nie nach seinem Code gefragt.
rooms-phone-title = Telefonnummer für die Bestätigung in zwei Schritten
rooms-back-to-rights = Zurück zu den Benutzerrechten
rooms-phone-intro = { $name } ({ $email }) in { $room }. Diese Nummer ist unabhängig von der eigenen Telefonnummer der Person.
rooms-phone-hint = Im vollständigen internationalen Format, zum Beispiel +49 151 23456789. Leer hebt die Anforderung für dieses Mitglied sofort auf.

rooms-done-created = Der Datenraum wurde erstellt.
rooms-done-saved = Die Einstellungen wurden gespeichert.
rooms-done-group = Die Benutzergruppe wurde erstellt.
rooms-done-member = Das Mitglied wurde hinzugefügt.
rooms-done-phone = Die Telefonnummer für die Bestätigung in zwei Schritten wurde gespeichert.
rooms-done-phone-cleared = Die Telefonnummer für die Bestätigung in zwei Schritten wurde entfernt.
rooms-done-removed = Das Mitglied wurde entfernt.
rooms-notice-no-code = { $name } braucht keinen Code mehr für { $room }.
rooms-notice-removed = { $name } wurde aus { $group } entfernt.

rooms-name-missing = Geben Sie einen Namen für den Datenraum ein.
rooms-name-too-long = Der Name darf höchstens 120 Zeichen lang sein, in einer Zeile.
rooms-admin-unknown = Kein Konto hat die E-Mail-Adresse { $email }.
rooms-admins-unknown = Eine E-Mail-Adresse in der Liste gehört zu keinem Konto.
rooms-group-name-invalid = Geben Sie einen Gruppennamen mit höchstens 80 Zeichen ein, in einer Zeile.
rooms-group-name-taken = Der Datenraum hat bereits eine Gruppe mit diesem Namen.
rooms-member-email-missing = Geben Sie die E-Mail-Adresse der Person ein, die Sie hinzufügen möchten.
rooms-member-email-invalid = Geben Sie eine gültige E-Mail-Adresse ein, zum Beispiel name@example.com.

# Warum eine eingegebene Anwendungsadresse abgelehnt wird.
rooms-address-not-an-address = Geben Sie die vollständige Anwendungsadresse ein, beginnend mit https:// oder http://, zum Beispiel https://docs.example.com/deal/.
rooms-address-not-web = Die Anwendungsadresse muss mit https:// oder http:// beginnen (eine Webadresse, die die Mitglieder des Raums in ihrem Browser öffnen).
rooms-address-no-host = Die Anwendungsadresse muss einen Host nennen, zum Beispiel https://docs.example.com/.
rooms-address-too-long = Die Anwendungsadresse darf höchstens 2.000 Zeichen lang sein.
rooms-address-credentials = Die Anwendungsadresse darf keinen Benutzernamen, kein Passwort und kein #Fragment enthalten.

# Ein Mitglied aus einer Benutzergruppe eines Raums entfernen: die Frage.
rooms-remove-title = { $name } aus { $group } entfernen?
rooms-remove-leaves = { $name } ({ $email }) verlässt die Benutzergruppe { $group } von { $room }.
# $groups: die Namen der anderen Gruppen, durch Kommas getrennt.
rooms-remove-stays = Die Person bleibt über { $groups } in { $room } und behält ihre Telefonnummer für die Bestätigung in zwei Schritten.
rooms-remove-still-admin = Die Person verwaltet { $room } weiterhin und öffnet den Raum als Administrator.
rooms-remove-no-longer-opens = Die Person kann { $room } nicht mehr öffnen, weder hier noch in der Anwendung: Ein in einer Sitzung bestandener Schritt endet mit der Sitzung.
rooms-remove-phone-cleared = Ihre Telefonnummer für die Bestätigung in zwei Schritten in { $room }, { $phone }, wird entfernt.
rooms-remove-button = Mitglied entfernen

# Anwendungen (/admin/applications).
apps-title = Anwendungen
apps-intro = Anwendungen, die ihre Benutzer mit OpenID Connect über Twostep anmelden, statt selbst Passwörter und Codes zu verwalten. Die Einstellungen jeder Anwendung enthalten ihre Client-ID, ihr Client-Geheimnis (außer sie ist öffentlich) und den Aussteller von Twostep:
apps-add = Anwendung hinzufügen
apps-none-yet = Noch keine Anwendungen.
apps-name = Name
apps-client-id = Client-ID
apps-type = Typ
apps-require-two-step = Bestätigung in zwei Schritten verlangen
apps-data-room = Datenraum
apps-public = Öffentlich
apps-confidential = Vertraulich
apps-on = Ein
apps-off = Aus
apps-no-room = Keiner
apps-edit = Bearbeiten
apps-new-secret = Neues Geheimnis erzeugen
# Nach „Neues Geheimnis erzeugen“, für Screenreader.
apps-for-application = für { $name }
apps-delete = Löschen
apps-issuer = Aussteller (Issuer)
apps-discovery = Discovery-URL
apps-back = Zurück zu den Anwendungen
apps-client-type = Client-Typ
apps-public-type = Öffentlich: kein Geheimnis; die Anmeldung erfolgt mit PKCE
apps-confidential-type = Vertraulich: die Anmeldung erfolgt mit dem Client-Geheimnis
apps-type-stays = Client-Typ und Client-ID bleiben unverändert: Für einen anderen Typ fügen Sie die Anwendung neu hinzu.
apps-name-hint = Wie die Anwendung bekannt ist, zum Beispiel CRM. Der Name erscheint im Ereignisprotokoll.
apps-redirect-uris = Weiterleitungs-URIs
apps-redirect-uris-hint = Eine pro Zeile: die Adressen in der Anwendung, die die Anmeldung empfangen, genau so, wie die Anwendung sie sendet, mit Port und Pfad, zum Beispiel https://crm.example.com/oidc/callback. Sie beginnen mit https:// (http:// nur für localhost und 127.0.0.1, während der Entwicklung).
apps-post-logout-uris = Weiterleitungs-URIs nach der Abmeldung
apps-post-logout-uris-hint = Optional. Eine pro Zeile: wohin die Anwendung Personen schicken darf, nachdem sie sich über sie bei Twostep abgemeldet haben.
apps-confidential-hint = Eine Anwendung mit einem Server, der ein Geheimnis bewahren kann. Sie erhält ein Client-Geheimnis, das einmal angezeigt wird.
apps-public-hint = Eine Anwendung, die im Browser oder auf einem Telefon läuft und kein Geheimnis bewahren kann. Sie hat keines und meldet sich mit PKCE an.
apps-require-two-step-hint = Alle, die sich bei dieser Anwendung anmelden, bestehen den zweiten Schritt in ihrer Sitzung, auch wenn sonst nichts ihn verlangt; wer keine Methode hat, richtet zuerst eine ein.
apps-room-hint = Optional. An einen Datenraum gebunden, meldet die Anwendung nur die Mitglieder und Administratoren des Raums an und verlangt von dessen verpflichteten Mitgliedern zuerst den Code des Raums, wie beim Öffnen des Raums.
apps-save = Speichern
apps-edit-title = { $name } bearbeiten
apps-added-title = { $name } wurde hinzugefügt
apps-new-secret-title = Neues Geheimnis für { $name }
apps-secret-once = Das Client-Geheimnis wird nur einmal angezeigt, auf dieser Seite. Kopieren Sie es jetzt in die Einstellungen der Anwendung: Es kann nicht erneut angezeigt werden. Geht es verloren, erzeugen Sie ein neues Geheimnis.
apps-secret-once-renewed = Das Client-Geheimnis wird nur einmal angezeigt, auf dieser Seite. Kopieren Sie es jetzt in die Einstellungen der Anwendung: Es kann nicht erneut angezeigt werden, und das alte Geheimnis funktioniert nicht mehr. Geht es verloren, erzeugen Sie ein neues Geheimnis.
apps-no-secret = Eine öffentliche Anwendung hat kein Client-Geheimnis: Sie meldet sich mit PKCE (S256) an.
apps-needs = Was { $name } in den eigenen Einstellungen braucht:
apps-client-secret = Client-Geheimnis
apps-discovery-rest = Die meisten Anwendungen lesen den Rest aus der Discovery-URL. Die Weiterleitungs-URIs, die sie sendet, müssen genau den registrierten entsprechen.
apps-done = Fertig

apps-done-saved = Die Anwendung wurde gespeichert.
apps-done-deleted = Die Anwendung wurde gelöscht.
apps-notice-saved = { $name } wurde gespeichert.
apps-notice-deleted = { $name } wurde gelöscht.

apps-too-long = Geben Sie höchstens 20 Adressen mit jeweils höchstens 2.000 Zeichen ein.
apps-choose-type = Wählen Sie den Client-Typ: Vertraulich oder Öffentlich.
apps-choose-room = Wählen Sie einen Datenraum aus der Liste oder „Keiner“.
apps-room-gone = Dieser Datenraum existiert nicht mehr. Wählen Sie einen anderen oder „Keiner“.
apps-name-missing = Geben Sie den Namen der Anwendung ein.
apps-name-too-long = Der Name darf höchstens 100 Zeichen lang sein, in einer Zeile.
apps-redirect-uri-missing = Geben Sie mindestens eine Weiterleitungs-URI ein: die Adresse in der Anwendung, die die Anmeldung empfängt.
# Warum eine eingegebene Weiterleitungs-URI abgelehnt wird (domain/oidc.rs); { $address } ist die Adresse wie eingegeben.
apps-uri-not-an-address = „{ $address }“ ist keine vollständige Adresse. Geben Sie sie so ein, wie die Anwendung sie angibt, zum Beispiel https://crm.example.com/oidc/callback.
apps-uri-not-https = „{ $address }“ muss mit https:// beginnen (http:// wird nur für localhost und 127.0.0.1 während der Entwicklung angenommen).
apps-uri-unsafe = „{ $address }“ darf keinen Benutzernamen, kein Passwort und kein #Fragment enthalten.
apps-uri-too-many = Geben Sie höchstens { $max } Adressen ein.
apps-refused-room-gone = Dieser Datenraum existiert nicht mehr.
apps-public-no-secret = Eine öffentliche Anwendung hat kein Geheimnis: Sie meldet sich stattdessen mit PKCE an.
rooms-not-yours = Datenräume werden von den Plattformadministratoren und von den eigenen Administratoren jedes Datenraums verwaltet.

# Ein neues Geheimnis erzeugen: die Frage.
apps-renew-title = Neues Geheimnis für { $name } erzeugen?
apps-renew-stops = Das aktuelle Geheimnis von { $name } funktioniert sofort nicht mehr: { $name } kann niemanden anmelden, bis das neue in den Einstellungen der Anwendung eingetragen ist.
apps-renew-shown-once = Das neue Geheimnis wird einmal angezeigt, auf der nächsten Seite. Kopieren Sie es dort in die Einstellungen der Anwendung.
# Eine Anwendung löschen: die Frage.
apps-delete-title = { $name } löschen?
apps-delete-confidential = Niemand kann sich mehr über Twostep bei { $name } anmelden: Client-ID und Geheimnis funktionieren sofort nicht mehr, ebenso die ausgegebenen Codes und Zugriffstoken.
apps-delete-public = Niemand kann sich mehr über Twostep bei { $name } anmelden: Die Client-ID funktioniert sofort nicht mehr, ebenso die ausgegebenen Codes und Zugriffstoken.
apps-delete-signed-in = Wer bereits bei { $name } angemeldet ist, bleibt dort angemeldet, bis die eigene Sitzung der Anwendung endet.
apps-delete-final = Das lässt sich nicht rückgängig machen: Neu hinzugefügt erhält die Anwendung eine neue Client-ID.
apps-delete-button = Anwendung löschen
