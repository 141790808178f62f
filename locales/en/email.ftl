# Emails: the frame of every email, the security notices, and the letters with a link.
# { $app } is the platform's app name.

## The frame
email-hello = Hello,
email-hello-name = Hello { $name },
email-account = Account
email-when = When
email-device = Device
email-from-address = From address
# A browser or address that did not say what it is.
email-unknown-device = Unknown
email-unknown-address = unknown

## Security notices: the subject, then what happened
email-device-trusted-subject = A new device was trusted on your { $app } account
email-device-trusted = { $device } will now sign in to your account without a verification code.
email-recovery-code-used-subject = A recovery code was used to sign in to { $app }
email-recovery-code-used = A recovery code was just used to sign in to your account. { $count ->
    [one] You have { $count } recovery code left.
   *[other] You have { $count } recovery codes left.
}
email-two-step-on-subject = 2-step verification is on for your { $app } account
email-two-step-on = 2-step verification was turned on. Sign-in codes now come from { $method }.
# Where sign-in codes come from, as the two sentences above and below put it after "come from".
email-codes-from-app = an authenticator app
email-codes-from-sms = text messages to { $phone }
email-codes-from-passkey = a passkey
email-method-changed-subject = Your { $app } sign-in codes now come from { $method }
email-method-changed = The way you receive sign-in codes was changed: they now come from { $method }.
email-phone-changed-subject = Your { $app } phone number was changed
email-phone-changed = Sign-in codes are now sent by text message to { $phone }.
email-two-step-off-subject = 2-step verification is off for your { $app } account
email-two-step-off = 2-step verification was turned off. Signing in now needs only your password.
email-factor-removed-subject = A sign-in method was removed from your { $app } account
email-factor-removed = { $method } can no longer be used to sign in to your account.
email-passkey-added-subject = A passkey was added to your { $app } account
email-passkey-added = The passkey "{ $name }" was added: it can now be used to sign in to your account.
email-passkey-removed-subject = A passkey was removed from your { $app } account
email-passkey-removed = The passkey "{ $name }" can no longer be used to sign in to your account.
email-account-disabled-subject = Your { $app } account was disabled
email-account-disabled = Your administrator disabled your account: it can no longer sign in, and every session was signed out.
email-account-enabled-subject = Your { $app } account was enabled again
email-account-enabled = Your administrator enabled your account again: you can sign in as before.
email-made-admin-subject = You are now an administrator of { $app }
email-made-admin = Your administrator made you an administrator: you can now open the control center, manage users and change the security settings.
email-no-longer-admin-subject = You are no longer an administrator of { $app }
email-no-longer-admin = Your administrator removed your administrator role: the control center is closed to you. Your account is otherwise unchanged.
email-signed-out-by-admin-subject = You were signed out of { $app } everywhere
email-signed-out-by-admin = Your administrator signed your account out on every device. Sign in again to go on.
email-phone-set-by-admin = Your administrator set the phone number of your account to { $phone }.
email-phone-removed-by-admin-subject = Your { $app } phone number was removed
email-phone-removed-by-admin = Your administrator removed the phone number from your account.
email-password-changed-subject = Your { $app } password was changed
email-password-changed = The password of your account was changed, and every session and trusted device was signed out.
email-reset-by-admin-subject = An administrator reset 2-step verification on your { $app } account
email-reset-by-admin = Your administrator reset 2-step verification on your account: your sign-in methods, recovery codes and trusted devices were removed and every session was signed out. At your next sign-in you may be asked to set up 2-step verification again.
email-room-phone-set-subject = A code will be asked when you open { $room }
email-room-phone-set = The administrator of the data room { $room } set { $phone } as your two-factor phone number there. Opening the room now needs a code texted to it, once per session.
email-room-phone-cleared-subject = No code is asked any more when you open { $room }
email-room-phone-cleared = The administrator of the data room { $room } removed your two-factor phone number there. Opening the room no longer needs a code.
email-recovery-codes-replaced-subject = New recovery codes for your { $app } account
email-recovery-codes-replaced = New recovery codes were generated. The earlier codes no longer work.
email-temporary-code-issued-subject = A temporary access code was issued for your { $app } account
email-temporary-code-issued = Your administrator issued a temporary access code for your account. With your password, it signs you in once instead of a verification code, within { $count ->
    [one] { $count } hour
   *[other] { $count } hours
}. Your administrator gives it to you in person or by phone; it is never sent by email.
email-temporary-code-used-subject = A temporary access code was used to sign in to { $app }
email-temporary-code-used = A temporary access code was just used to sign in to your account. It no longer works. Set up a new phone or app so you can sign in with a code again.

## Security notices: what to do next. { $link } is the name of a page, made a link.
email-advice-ask-if-mistake = If you think this is a mistake, ask your administrator.
email-advice-temporary-code = If you did not ask your administrator for one, tell them at once.
email-advice-reset-by-admin = If you did not ask for this, tell your administrator. You can set up 2-step verification again on { $link }
email-advice-ask-room-admin = If you did not expect this, ask the administrator of { $room }.
email-advice-tell-admin = If you did not expect this, tell your administrator.
email-advice-new-password = If this was not you, choose a new password at once with { $link }
email-advice-review = If this was not you, change your password at once and review { $link }
email-link-security-settings = My security settings
email-link-forgot-password = Forgot your password?

## Letters: a one-time link, or where to go
email-choose-new-password-30-minutes = Choose a new password (within 30 minutes; the link works once)
email-reset-subject = Reset your { $app } password
email-reset-pending-lead = Someone asked to reset the password of the { $app } account registered with the phone number { $phone }, which gave this address, from the address { $ip }.
email-reset-pending-code = This address is not confirmed yet, so the page also asks for a code we text to { $phone }: the link alone cannot change the password. Doing both confirms this address for the account.
email-reset-pending-ignore = If this was not you, ignore this email: nothing changes.
email-reset-lead = Someone asked to reset the password of your { $app } account ({ $email }) from the address { $ip }.
email-reset-two-step-stays = Your 2-step verification stays on: you still sign in with your code afterwards.
email-reset-ignore = If this was not you, ignore this email: your password stays as it is.

email-confirm-subject = Confirm your email address for { $app }
email-confirm-lead = Someone, probably you, created a { $app } account for { $email } from the address { $ip }.
email-confirm-link = Confirm your email address and sign in (within 24 hours; the link works once)
email-confirm-ignore = If this was not you, ignore this email: without the link the account cannot be used.

email-existing-subject = You already have a { $app } account
email-existing-lead = Someone, probably you, tried to create a { $app } account for { $email } from the address { $ip }. You already have one, so nothing was created.
email-existing-sign-in = Sign in
email-existing-forgot = Forgot your password? Ask for a reset link
email-existing-ignore = If this was not you, you can ignore this email: your account has not changed.

email-new-sign-in-subject = New sign-in to your { $app } account
email-new-sign-in-lead = Your { $app } account ({ $email }) was just signed in to from a browser it had not used before.
email-new-sign-in-not-me = This wasn't me (within 7 days; the link works once)
email-sign-in-when = When: { $when }
email-sign-in-browser = Browser and system: { $browser }
email-sign-in-address = Address: { $ip }

email-secured-subject = Choose a new { $app } password
email-secured-lead = You told us a sign-in to your { $app } account ({ $email }) was not you. Every session was signed out, your trusted devices were removed, and your old password no longer works.
email-secured-link = Choose a new password (within 24 hours; the link works once)
email-secured-two-step-stays = Your 2-step verification stays on: you sign in with your new password and your code.
email-secured-tell-admin = Tell your administrator what happened.

email-unfinished-subject = Your password was used, but the sign-in was not completed
email-unfinished-lead = Someone typed the right password of your { $app } account ({ $email }), but did not complete the second step. Your 2-step verification stopped them.
email-unfinished-change = Change your password
email-unfinished-advice = If this was you, there is nothing to do. If it was not, someone knows your password: change it at once, or with "Forgot your password?" on the sign-in page.

email-created-subject = Your { $app } account
email-created-lead = Your administrator created an account for you on { $app } ({ $email }).
email-choose-password-72-hours = Choose your password (within 72 hours; the link works once)
email-created-then-sign-in = Then sign in with your email address and that password.
email-password-link-subject = Choose your { $app } password
email-password-link-lead = Your administrator made you a link to choose the password of your { $app } account ({ $email }).
email-password-link-two-step-stays = Your 2-step verification stays on.

email-invitation-subject = You are invited to { $room } on { $app }
email-invitation-lead = { $name } invited you to the data room { $room } on { $app }.
email-invitation-link = Create your account and join (within 7 days; the link works once)
email-invitation-ignore = The account will be for { $email }. If you did not expect this, ignore this email.

email-help-subject = { $name } cannot sign in to { $app }: lost phone
email-help-lead = { $name } ({ $email }) signed in with their password but cannot get a verification code: they say they lost their phone, and they asked the administrators for help.
email-help-link = Open their page in the control center
email-help-verify = Before you help, make sure it is really them: call them on a number you already know, or meet them.
email-help-issue = Then issue them a temporary access code and read it to them. Nothing is switched off, and they set up a new phone or app once signed in.

email-budget-subject = 80 % of today's SMS budget is spent
email-budget-lead = { $sent } of the { $budget } texts to new numbers (numbers no account has verified) that the portal sends a day have gone out today. At { $budget }, texts to new numbers pause until midnight (UTC); codes to verified numbers still go out.
email-budget-link = See the SMS figures on the control center's overview
email-budget-advice = A sudden rise, or many codes to one country that are never entered, is the signature of SMS pumping. You can change the daily budget and the caps on Security settings in the control center.
