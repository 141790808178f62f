# Signing in: the sign-in page, the second step (code, passkey, recovery code, temporary
# access code, "Lost your phone?"), phone sign-in, an application's sign-in and sign-out
# (oauth-), and "This wasn't me" (secure-).

## The sign-in page
login-title = Sign in
login-email = Email
login-password = Password
login-submit = Sign in
login-forgot-password = Forgot your password?
login-with-passkey = Sign in with a passkey
login-with-phone = Sign in with phone number
login-no-account = No account yet?
login-create-account = Create account
login-enter-email = Enter your email address.
login-enter-password = Enter your password.
# The one message for every failed sign-in, whether or not the account exists.
login-wrong-credentials = The email or password is incorrect.
login-throttled = Too many failed sign-in attempts. Wait 15 minutes and try again.
login-signed-out-by-administrator = An administrator signed you out. Sign in again to continue.
login-disabled = This account is disabled. Ask your administrator if you think this is a mistake.
login-unconfirmed = Your email address is not confirmed yet. We have emailed you a link: open it to start using your account.

## The code page: a verification code by text message or from the authenticator app
login-code-title = Enter your verification code
login-code-label = Verification code
login-sms-hint = The 6-digit code from the text message. It works for 10 minutes.
login-app-hint = The 6-digit code your authenticator app shows now.
login-trust-device = Trust this device
login-trust-hint = Don't ask for a code on this browser again. Your password is still needed. Only tick this on a device that is yours.
login-verify = Verify
login-cancel-sign-out = Cancel and sign out
# { $phone } is the masked number: "+46 ••• •• 67".
login-sms-sent = We sent a 6-digit code by text message to { $phone }.
login-sms-cannot-send = We cannot text a code to { $phone } just now.
login-sms-can-send = We can text a 6-digit code to { $phone }. Choose "Send code", then enter the code.
login-sms-none-waiting = No code is waiting for { $phone }. Choose "Send again" to get a new one.
login-app-intro = Open your authenticator app and enter the code it shows for this account.
login-send-code = Send code
login-send-again = Send again
# { $time } is a time of day ("19:14:05 UTC"); { $seconds } is the number of seconds,
# counting down on the page; { $count } is the same number, for the plural form.
login-resend-wait = { $count ->
    [one] You can ask for a new code at { $time } (in { $seconds } second).
   *[other] You can ask for a new code at { $time } (in { $seconds } seconds).
}
login-resend-ready = You can ask for a new code now.
login-resend-missing = Didn't get a code?
login-code-wrong = { $count ->
    [one] That code is not right. You have { $count } try left.
   *[other] That code is not right. You have { $count } tries left.
}
login-code-locked = Too many wrong codes: this code can no longer be used. Request a new code with "Send again".
login-code-expired = This code has expired. Request a new code with "Send again".
login-code-none = There is no code waiting to be used. Request a new code with "Send again".
login-app-code-replayed = That code has already been used. Wait for your app to show a new code.
login-app-code-wrong = That code is not right. Enter the code your app shows now.
login-too-many-codes = Too many wrong codes. Wait 15 minutes and try again.
# Why no code can be sent now. { $time } is a time of day ("19:14:05 UTC"); { $count } is
# the seconds to wait.
login-limit-cooldown = { $count ->
    [one] A code was sent moments ago. You can ask for a new one in { $count } second.
   *[other] A code was sent moments ago. You can ask for a new one in { $count } seconds.
}
login-limit-codes-or-other-way = You have asked for too many codes. You can ask for a new one at { $time }, or use another way to sign in below.
login-limit-codes = You have asked for too many codes. You can ask for a new one at { $time }.
login-limit-phone = Too many codes have been sent to this phone number today. You can ask for a new one at { $time }.
login-limit-network = Too many codes have been sent from your network. You can ask for a new one at { $time }.
login-limit-budget = Texts to new numbers are paused for today: the portal has sent as many as it sends in a day. You can ask for a code again after midnight (UTC); codes to numbers already verified still go out.
login-limit-new-number = Too many codes have been sent to this phone number today. You can ask for a new one after midnight (UTC).
login-limit-new-address = Too many codes to new numbers have been asked for from your address today. You can ask for a new one after midnight (UTC).
login-limit-new-network = Too many codes to new numbers have been asked for from your network today. You can ask for a new one after midnight (UTC).
login-limit-new-country = Too many codes have been sent to numbers in this country today. You can ask for a new one after midnight (UTC), or use a number from another country.
login-send-rejected = The text message could not be delivered to this number. Check the number, or use "Send again" in a moment.
login-send-unavailable = We could not send the text message just now. Use "Send again" in a moment.
login-send-failed = Something went wrong while sending the code. Try again in a moment.
login-code-missing = Enter the verification code.
login-code-malformed = Enter the 6-digit code from the text message.
login-passkey-owed = Your administrator asks you to sign in with a passkey. On the sign-in page, choose "Sign in with a passkey", or sign in with your email and password, then your passkey.
login-passkeys-only = Your administrator requires a passkey for your account: codes by text message or from an app are not accepted. Use your passkey, or a recovery code.
login-passkeys-only-unavailable = Your administrator requires a passkey for your account, and passkeys cannot be used here now. Use a recovery code.

## The other ways to finish signing in, listed under the form
login-use-sms = Use text message
login-use-app = Use authenticator app
login-use-passkey = Use a passkey
login-use-recovery-code = Use a recovery code
login-use-temporary-code = Use a temporary access code
login-lost-phone = Lost your phone?
login-use-code-instead = Use a verification code instead

## A recovery code
login-recovery-intro = Enter one of the recovery codes you saved when you turned on 2-step verification. Each code works once.
login-recovery-label = Recovery code
login-recovery-example = For example 7KQM-2XHD-9RTF.
login-recovery-enter = Enter one of your recovery codes.
login-recovery-wrong = That recovery code is not right, or it has been used already.

## A temporary access code
login-temporary-intro = If you lost your phone, your administrator can give you a temporary access code, in person or by phone. With your password, it signs you in once instead of a verification code. Then set up a new phone or app.
login-temporary-label = Temporary access code
login-temporary-example = 16 letters and digits, for example 7KQM-2XHD-9RTF-B4NW.
login-temporary-enter = Enter the temporary access code your administrator gave you.
login-temporary-wrong = That code is not right, or it is no longer valid. Check it with your administrator; after 5 wrong tries a new one must be issued.

## "Lost your phone?"
login-lost-still = You can still sign in, without switching anything off:
login-lost-recovery-name = A recovery code.
login-lost-recovery-text = When you turned on 2-step verification you saved ten recovery codes. Each one works once instead of a verification code.
login-lost-temporary-name = A temporary access code.
login-lost-temporary-text = Your administrator can give you one, in person or by phone, after making sure it is you. It works once, with your password, for a few hours.
login-lost-then = Once you are signed in, set up your new phone or an authenticator app in My security settings.
login-lost-ask-heading = Ask for a temporary access code
login-lost-ask-text = We email your administrators that you cannot get a code. We do not tell anyone your password.
login-lost-ask-button = Ask my administrators for help
login-lost-asked-title = Your administrators have been asked
login-lost-asked-text = We emailed your administrators that you cannot get a verification code. One of them will get in touch to make sure it is you, and can then give you a temporary access code.
# { $link } is the link "Use a temporary access code" (login-use-temporary-code).
login-lost-asked-then = Once you have it, choose { $link }, or sign in again and find the link under the verification code.
login-back-to-code = Back to the verification code

## Passkeys
login-back = Back
login-passkey-sign-in-intro = No password needed: choose "Sign in with a passkey", pick your account, and unlock the passkey with your fingerprint, face, screen lock or security key PIN.
login-with-email = Sign in with your email and password
login-passkey-unavailable = Passkeys cannot be used here: this portal is reached by an IP address, and browsers use passkeys only with a site's name. Sign in with your email and password.
login-passkey-step-title = Use your passkey
login-passkey-step-intro = Choose "Use a passkey", then follow your browser: it may ask for your phone, your fingerprint or face, your screen lock or your security key.
login-passkey-trust-hint = Don't ask for a passkey or a code on this browser again. Your password is still needed. Only tick this on a device that is yours.
login-passkey-copied = This passkey was refused: it may have been copied. Use another way to sign in, and tell your administrator.
login-passkey-not-accepted = Your passkey was not accepted. Choose the button again and use a passkey of this account, or use another way.
# Said by static/passkey.js on the page, from the form's data attributes.
login-passkey-unsupported = This browser cannot use passkeys. Use another way below, or another browser.
login-passkey-script-not-used = No passkey was used. Try again, or use another way below.

## Signing in with a phone number
login-phone-intro = Enter the mobile number of your account. We will text you a code to sign in with.
login-phone-email-link = Sign in with email and password
login-phone-register = Register with phone number
login-phone-sent = We have sent a 6-digit code by text message to { $phone }. Enter it to continue.
# Worded so it is true whether or not the number has an account.
login-phone-sent-if = If { $phone } is the verified number of an account, we have sent it a 6-digit code by text message. Enter it to sign in.
login-no-phone-sign-in = No phone sign-in is in progress, or it took longer than 10 minutes. Start again from "Sign in with phone number".
login-no-password-step = No sign-in is waiting for your password, or it took longer than 10 minutes. Start again from "Sign in with phone number".
login-password-title = Enter your password
login-phone-password-intro = Your account uses 2-step verification, so the code from your phone is not enough on its own. Enter your password as well to finish signing in.
login-phone-no-password = Your account has no password yet. Choose "Forgot your password?" below and enter your email address: we email you a link to set one (if your address is not confirmed yet, the page also asks for a code we text to this phone).
login-password-wrong = The password is incorrect.
login-app-code-title = Enter your authenticator code
login-phone-app-intro = Your account uses 2-step verification, so the code from your phone is not enough on its own. Enter the code your authenticator app shows to finish signing in.
login-use-password-instead = Use your password instead

## The reminder to turn on 2-step verification (the start page, and its preview in the control center)
login-reminder = { $app } now supports 2-step verification. This offers better security by also requiring you to log in using a code sent by SMS to your phone, in addition to your password.

## An application's sign-in and sign-out
oauth-unreadable = The request could not be read.
oauth-repeated = The application's sign-in request repeats a parameter. Go back to the application and try again; if it keeps happening, tell its administrator.
oauth-unknown-application = The application that sent you here is not registered with this portal, so you cannot sign in to it from here. Tell the application's administrator.
oauth-unregistered-redirect = The application asked to send you back to an address that is not registered for it, so the sign-in stops here. Tell the application's administrator.
oauth-no-longer-waiting-why = This sign-in to an application is no longer waiting (it was finished, or left too long). Go back to the application and sign in again.
oauth-no-longer-waiting = This sign-in to an application is no longer waiting. Go back to the application and sign in again.
oauth-application-gone = The application you were signing in to is no longer registered with this portal.
oauth-step-up-title = { $application } asks for 2-step verification
oauth-step-up-sms = You are signed in to { $app } with your password. { $application } also asks for the second step: we will text a code to your phone.
oauth-step-up-app = You are signed in to { $app } with your password. { $application } also asks for the second step: you will enter a code from your authenticator app.
oauth-continue = Continue
oauth-logout-title = Sign out of { $app }?
oauth-logout-application-asks = { $application } asks to sign you out of { $app } too.
oauth-logout-an-application-asks = An application asks to sign you out of { $app }.
oauth-logout-explain = Signing out here ends your session in this browser: the other applications you signed in to through { $app } will ask you to sign in again.
oauth-logout-button = Sign out of { $app }
oauth-stay-signed-in = Stay signed in
oauth-logout-repeated = The application's sign-out request repeats a parameter.
oauth-logout-bad-hint = The application's sign-out request names a different application than its ID token. Go back to the application; if it keeps happening, tell its administrator.
oauth-logout-not-registered = The application asked to send you to an address after signing out that is not registered for it, so you stay here. Tell the application's administrator.

## "This wasn't me", from a new-device email
secure-title = Secure your account
secure-not-you = You told us a sign-in to { $email } was not you. Someone may know your password.
secure-what = Securing your account:
secure-signs-out = signs out every session, on every device, this one too;
secure-removes-devices = removes your trusted devices, so every sign-in asks for a code;
secure-stops-password = stops your password from working, and emails you a link to choose a new one.
secure-button = Secure my account
secure-done-title = Your account is secured
secure-done-text = Every session of your account was signed out, its trusted devices were removed, and its old password no longer works.
secure-done-email = We emailed you a link to choose a new password. It works once, within 24 hours. Your 2-step verification stays on.
secure-tell-administrator = Tell your administrator what happened.
secure-link-dead = This link has expired or was already used. If a sign-in you did not make worries you, choose "Forgot your password?" on the sign-in page, and tell your administrator.
