# The signed-in person's own pages: My security settings, the profile, the password, the
# sign-in methods and their set-up (templates/account, web/account).

## Words several pages share.
account-back = Back
account-continue = Continue
account-save = Save
account-done = Done
account-verify = Verify
account-remove = Remove
# A button's accessible name: "Remove Work laptop", "Remove Authenticator app".
account-remove-named = Remove { $name }
account-change = Change
account-password = Password
account-phone-number = Phone number
account-verification-code = Verification code
account-send-code = Send code
account-send-again = Send again
account-too-many-passwords = Too many wrong passwords. Wait 15 minutes and try again.
account-same-phone = This is already your phone number. Enter the new number.

## The sign-in methods, as pages name them.
account-method-sms = Text message (SMS)
account-method-app = Authenticator app
account-method-passkey = Passkey

## A browser named from its User-Agent: "Firefox 133 on Linux".
account-unknown-browser = Unknown browser
account-browser-on-system = { $browser } on { $system }

## "Stay signed in for" (the other choices are the hours and days of main.ftl).
account-until-browser-closes = Until I close the browser

## My security settings (/account/security).
account-security-title = My security settings
account-no-password-yet = Your account has no password yet: you sign in with your phone number and a code. 2-step verification, and signing in with your email address, need a password as well.
account-set-a-password = Set a password
account-two-step = 2-step verification
account-on = On
account-off = Off
account-only-password = Signing in needs only your password.
account-turn-off = Turn off
# Read after "Turn off" by screen readers: "Turn off 2-step verification".
account-turn-off-hidden = 2-step verification
account-method = Method
# Read after "Change" by screen readers: "Change method".
account-change-method-hidden = method
# Read after "Change" by screen readers: "Change phone number".
account-change-phone-hidden = phone number
account-recovery-codes = Recovery codes
account-codes-left = { $count ->
    [one] { $count } left
   *[other] { $count } left
}
account-codes-low = Generate new ones so you are not locked out if you lose your phone.
account-codes-each = Each signs you in once if you cannot use your phone.
account-generate-new = Generate new
# Read after "Generate new" by screen readers: "Generate new recovery codes".
account-generate-new-hidden = recovery codes
account-your-methods = Your sign-in methods
account-in-use = In use
# Beside "Passkey" in the list of sign-in methods.
account-passkeys-under = { $count ->
    [one] { $count } passkey, under Passkeys
   *[other] { $count } passkeys, under Passkeys
}
account-two-step-required = 2-step verification is required for your account, so it cannot be turned off.
account-two-step-offer = Protect your account with a code from your phone each time you sign in.
account-required-by = It is required for your account: set it up by { $date }.
account-required = It is required for your account.
account-turn-on = Turn on 2-step verification
account-two-step-unavailable = 2-step verification is not available on this platform.
account-passkeys = Passkeys
account-passkeys-intro = A passkey signs you in with your phone, your computer's screen lock, a password manager or a security key. It works only on this site, so a look-alike page cannot trick you into giving it away.
account-no-passkeys = You have no passkeys.
account-added = Added
account-last-used = Last used
account-synced = (synced)
account-not-yet = Not yet
account-last-passkey-held = Your last passkey cannot be removed: your administrator requires a passkey for your account.
account-last-passkey-required = Your last passkey cannot be removed while 2-step verification is required for your account.
account-add-passkey = Add a passkey
account-offer-title = Sign out everywhere else?
account-offer-text = You changed how you sign in. If you are signed in on a device you no longer use or trust, sign out all your other sessions.
account-sign-out-others = Sign out all other sessions
account-stay-signed-in = Stay signed in
account-stay-signed-in-for = Stay signed in for
account-trusted-devices = Trusted devices
account-no-trusted-devices = No trusted devices. Tick "Trust this device" when you enter a code to skip codes on that browser.
account-device = Device
account-ip-address = IP address
account-trusted-since = Trusted since
account-expires = Expires
account-this-device = (this device)
account-until-removed = Until removed
account-remove-all = Remove all
account-active-sessions = Active sessions
account-signed-in = Signed in
account-last-active = Last active
account-this-session = (this session)
account-end-session = End session
# The accessible name of "End session": the device, and when it signed in.
account-end-session-named = End session { $device }
account-end-session-signed-in = End session { $device }, signed in { $date }
account-change-password = Change password
account-duration-by-administrator = Session duration is set by your administrator.
account-choose-duration = Choose one of the durations offered.

## Choosing a method (/account/security/two-step).
account-change-method = Change method
account-choose-method = Choose how to get your codes
account-passkey-required = Your administrator requires a passkey for your account: it cannot be phished, because it works only on this site.
account-add-one-now-or-later = Add one now, or later within the time left.
account-add-one-to-continue = Add one to continue.
account-two-step-required-set-up = 2-step verification is required for your account.
account-set-up-now-or-later = Set it up now, or later within the time left.
account-set-up-to-continue = Set it up to continue.
account-how-verify = How do you want to verify it is you?
account-how-get-codes = How do you want to get your sign-in codes?
account-passkey-only-hint = Your phone, your computer's screen lock, a password manager or a security key confirms it is you.
account-sms-to = Text message (SMS) to { $phone }
account-sms-saved-hint = The number you verified before.
account-sms-to-another = Text message (SMS) to another number
account-sms-in-use-hint = In use now. A code to the new number confirms it.
account-sms-hint = We text a 6-digit code to your mobile phone each time you sign in.
account-new-app = A new authenticator app
account-app-in-use-hint = In use now. Setting up a new phone or app replaces the one you use.
account-app-hint = An app on your phone shows a new code every 30 seconds, even offline.
account-another-passkey = Another passkey
account-passkey-in-use-hint = In use now. Add one on another device or a security key.
account-passkey-hint = Your phone, your computer's screen lock, a password manager or a security key: no code to type, and a look-alike page cannot trick you into giving it away.
account-set-up-later = { $count ->
    [one] Set up later ({ $count } day left)
   *[other] Set up later ({ $count } days left)
}
account-set-up-over = The time to set up 2-step verification is over. Set it up to continue.
account-choose-how = Choose how you want to get your codes.
account-not-offered = 2-step verification is not available for your account. Ask your administrator if you need it.

## Text messages: the number and its code (/account/security/sms).
account-change-phone = Change phone number
account-change-phone-intro = Enter your new mobile number. It replaces the old one once you enter the code we send to it.
account-sms-phone-intro = Enter the mobile number your codes should go to. We send a code to check it.
# Followed by the examples of main.ftl: "A mobile number, for example …".
account-mobile-number = A mobile number,
account-profile-phone-cannot = The phone number on your profile cannot receive codes. { $problem }
account-enter-mobile = Enter your mobile phone number.
account-sms-code-sent = We sent a 6-digit code by text message to { $phone }. Enter it to confirm the number.
account-cannot-text-now = We cannot text a code to { $phone } just now.
account-no-code-for = No code is waiting for { $phone }. Choose "Send again" to get a new one.
account-use-sms-title = Use text messages for your codes?
account-use-sms-consequence = Sign-in codes will be texted to { $phone }, the number you verified before.
account-app-stays = Your authenticator app stays set up: you can use it instead at sign-in, or switch back.
account-use-sms-button = Use text messages

## Removing a method, turning 2-step verification off.
account-remove-app-title = Remove your authenticator app?
account-app-no-longer = Your authenticator app will no longer be asked for a code, and its key is deleted.
account-remove-sms-title = Remove text messages?
account-no-more-texts-to = We will no longer text sign-in codes to { $phone }.
account-no-more-texts = We will no longer text sign-in codes.
account-remove-last-passkey-title = Remove your last passkey?
account-passkey-no-longer = Your passkey will no longer be asked for at sign-in.
account-texted-instead-to = Sign-in codes will be texted to { $phone } instead.
account-texted-instead = Sign-in codes will be texted to you instead.
account-app-instead = Your authenticator app will give your sign-in codes instead.
account-passkeys-instead = Your passkeys will be asked for instead.
account-two-step-turns-off = 2-step verification turns off: signing in will need only your password.
account-codes-will-stop = { $count ->
    [one] Your { $count } recovery code will stop working.
   *[other] Your { $count } recovery codes will stop working.
}
account-method-in-use-required = 2-step verification is required for your account, so the method in use cannot be removed. Change method first.
account-only-password-after = Signing in will need only your password.
account-passkeys-removed = Your passkeys are removed: they will no longer sign you in.
account-devices-forgotten = Your trusted devices are forgotten.
account-turn-off-title = Turn off 2-step verification?
account-turn-off-button = Turn off 2-step verification

## The authenticator app (/account/security/app).
account-app-title = Set up your authenticator app
account-app-open = Open an authenticator app on your phone, such as Google Authenticator, Microsoft Authenticator or 1Password.
account-app-scan = Scan this QR code with it.
account-app-qr = QR code for your authenticator app
account-app-cannot-scan = Can't scan it? Enter this setup key in the app instead:
account-app-show-link = Show the setup link
account-app-enter-code = Enter the 6-digit code the app shows.
account-too-many-codes = Too many wrong codes. Wait 15 minutes and try again.
account-app-code-wrong = That code is not right. Enter the code your app shows now, and check that your phone's clock is set automatically.

## Recovery codes.
account-codes-title = Save your recovery codes
account-codes-intro = If you lose your phone, each of these codes lets you sign in once. Save them somewhere safe, such as a password manager or a printed page.
account-codes-shown-once = They are shown only now. Any earlier codes no longer work.
account-codes-download = Download (.txt)
account-codes-copy = Copy
account-codes-copied = Copied
account-codes-saved = I have saved my recovery codes
account-codes-tick = Save your recovery codes, then tick "I have saved my recovery codes".
account-no-codes-left = You have no recovery codes left.
account-codes-stop-once-saved = { $count ->
    [one] Your { $count } recovery code will stop working once you save the new ones.
   *[other] Your { $count } recovery codes will stop working once you save the new ones.
}
account-regenerate-title = Generate new recovery codes?
account-regenerate-ten = You will see 10 new codes to print or download. Each signs you in once.
account-regenerate-button = Generate new recovery codes
# The downloaded file (recovery-codes.txt): its first line, then two lines of advice.
account-codes-file-title = { $app } recovery codes for { $email }
account-codes-file-advice = Each code signs you in once if you cannot use your phone or app.
account-codes-file-keep = Keep them somewhere safe.

## Passkeys (/account/security/passkeys).
account-passkey-new-intro = A passkey signs you in with your phone, your computer's screen lock, a password manager or a security key, instead of a code. It only works on this site, so a look-alike page cannot trick you into giving it away.
account-passkey-name = Name
account-passkey-name-hint = So you can tell your passkeys apart, for example "Work laptop" or "Blue security key".
account-create-passkey = Create passkey
account-passkeys-need-script = Passkeys need JavaScript: turn it on for this site, or use another way.
account-passkey-name-empty = Enter a name for this passkey, such as "Work laptop" or "Blue security key".
account-passkey-name-long = Enter a name of 60 characters or fewer.
account-passkey-name-lines = Enter the name on one line, without special characters.
account-passkeys-unavailable = Passkeys cannot be used here: this portal is reached by an IP address, and browsers make passkeys only for a site's name. Ask your administrator.
account-too-many-passkeys = { $count ->
    [one] You have { $count } passkey, the most you can keep. Remove it to add another.
   *[other] You have { $count } passkeys, the most you can keep. Remove one you no longer use to add another.
}
account-passkey-not-created = No passkey was created. Choose "Create passkey" and follow your browser's steps; passkeys need JavaScript.
account-passkey-already-registered = This passkey is already registered. Use another device or security key.
# Said by static/passkey.js on the page, from the form's data attributes.
account-passkey-unsupported = This browser cannot use passkeys. Use another way below, or another browser.
account-passkey-script-not-created = No passkey was created. Try again, or use another way below.
account-passkey-script-registered = This passkey is already registered to your account.
account-remove-passkey-title = Remove the passkey "{ $name }"?
account-remove-passkey-consequence = The passkey "{ $name }" will no longer sign you in.
account-last-passkey-consequence = It is your last passkey: your other sign-in method, if you have one, is asked for instead; without one, 2-step verification turns off.
account-last-passkey-stays = Your administrator requires a passkey for your account, so your last passkey cannot be removed. Add another passkey first.
account-last-passkey-two-step = 2-step verification is required for your account, so your last passkey cannot be removed. Set up another method first.

## Confirm your password (/account/confirm).
account-confirm-title = Confirm your password
account-confirm-intro = For your security, enter your password again before this change. It is not asked again for 10 minutes.
# { $link } is a link whose words are account-set-a-password.
account-confirm-no-password = Your account has no password yet. { $link } first, with a code we text to your phone.
account-confirm = Confirm
account-enter-password = Enter your password.
account-password-wrong = That password is not right.

## Change password (/account/password).
account-current-password = Current password
account-new-password = New password
account-new-password-hint = At least 8 characters. Your other sessions will be signed out.
account-enter-current-password = Enter your current password.
account-choose-new-password = Choose a new password.
account-current-password-wrong = Your current password is incorrect.

## A first password, for an account made with a phone number (/account/security/password).
account-first-password-title = Choose your password
account-first-password-intro = From now on, when 2-step verification applies to your account, signing in with your phone number asks for this password as well. Your other sessions will be signed out.
account-first-password-hint = At least 8 characters, hard to guess.
account-set-password = Set password
account-choose-password = Choose a password.
account-first-password-code-sent = We have sent a 6-digit code by text message to { $phone }. Enter it, then choose your password.
account-first-password-code-intro = Your account has no password yet: you sign in with your phone number and a code. 2-step verification, and signing in with your email address, need a password too. To make sure it is you, we first text a code to { $phone }.
account-no-verified-phone = Your account has no verified phone number to text a code to. Ask your administrator to set a password link for you.
account-has-password = Your account already has a password. Change it on "Change password" instead.
account-code-first = Enter the code we text to your phone first: start again from "Set a password" on My security settings.

## Your profile (/account/profile).
account-profile-title = Your profile
account-name = Name
account-email = Email
account-email-not-confirmed = (not confirmed yet: open the link we emailed you)
account-phone-not-verified = (not verified)
account-no-phone = None
account-phone-ask-administrator = Ask your administrator to change your phone number.
# { $link } is a link whose words are account-security-title.
account-phone-on-security = Your sign-in codes go to this number, so it is changed on { $link }.
account-language-hint = Pages, emails and text messages come in this language, on every device you sign in on.
account-choose-language = Choose one of the languages offered.
account-profile-phone-title = Change your phone number
account-profile-phone-intro = Enter your new mobile number. We will text a code to it: the number is kept once you enter the code.
account-back-to-profile = Back to your profile
account-ask-administrator = You cannot change your phone number here. Ask your administrator to change it.
account-codes-go-to-phone = Your sign-in codes go to your phone number: change it on My security settings.
account-enter-new-phone = Enter your new phone number.
account-phone-invalid = This is not a valid phone number. Check the country code and the digits.
account-profile-code-sent = We have sent a 6-digit code by text message to { $phone }. Enter it to keep the new number.
account-verify-new-phone = Verify your new phone number
account-no-code-waiting = No code is waiting for a new phone number. Enter the new number first.
