# The public pages: registration, the password links, invitations, the first administrator's
# set-up, Home, a data room's entry, and the error pages.

## The fields of a new account.
public-field-name = Name
public-field-email = Email
public-field-password = Password
public-password-hint = At least 8 characters. A few unrelated words make a strong password.
public-password-hint-short = At least 8 characters, hard to guess.
public-choose-password = Choose a password.
public-email-taken = An account with this email already exists.
public-email-missing = Enter your email address.
public-email-invalid = Enter an email address like name@example.com.
public-name-missing = Enter your name.
public-name-too-long = Use at most { $max } characters for your name.
public-name-unshowable = Your name contains characters that cannot be shown.

## A new password's rules, and why zxcvbn finds one easy to guess.
public-password-too-short = { $count ->
    [one] Use at least { $count } character.
   *[other] Use at least { $count } characters.
}
public-password-too-long = { $count ->
    [one] Use at most { $count } character.
   *[other] Use at most { $count } characters.
}
# { $reason } is one of the sentences below.
public-password-too-guessable = This password is too easy to guess. { $reason }
public-password-weak-default = Add more words or characters that are not common.
public-password-weak-straight-rows = Straight rows of keys are easy to guess.
public-password-weak-keyboard-patterns = Short keyboard patterns are easy to guess.
public-password-weak-repeats = Repeats like "aaa" are easy to guess.
public-password-weak-repeated-groups = Repeats like "abcabcabc" are only slightly harder to guess than "abc".
public-password-weak-top-10 = This is a top-10 common password.
public-password-weak-top-100 = This is a top-100 common password.
public-password-weak-common = This is a very common password.
public-password-weak-similar = This is similar to a commonly used password.
public-password-weak-sequences = Sequences like abc or 6543 are easy to guess.
public-password-weak-recent-years = Recent years are easy to guess.
public-password-weak-single-word = A word by itself is easy to guess.
public-password-weak-dates = Dates are often easy to guess.
public-password-weak-names = Names and surnames by themselves are easy to guess.
public-password-weak-common-names = Common names and surnames are easy to guess.
public-password-tip-few-words = Use a few words, avoid common phrases.
public-password-tip-no-symbols-needed = No need for symbols, digits, or uppercase letters.
public-password-tip-another-word = Add another word or two. Uncommon words are better.
public-password-tip-capitals = Capitalization doesn't help very much.
public-password-tip-all-capitals = All-uppercase is almost as easy to guess as all-lowercase.
public-password-tip-reversed = Reversed words aren't much harder to guess.
public-password-tip-substitutions = Predictable substitutions like '@' instead of 'a' don't help very much.
public-password-tip-longer-pattern = Use a longer keyboard pattern with more turns.
public-password-tip-repeats = Avoid repeated words and characters.
public-password-tip-sequences = Avoid sequences.
public-password-tip-recent-years = Avoid recent years.
public-password-tip-your-years = Avoid years that are associated with you.
public-password-tip-your-dates = Avoid dates and years that are associated with you.

## Creating an account.
public-register-title = Create account
public-register-button = Create account
public-register-with-phone = Register with phone number
public-have-account = Already have an account?
public-sign-in = Sign in
public-registration-closed = You cannot create an account here yourself. Ask your administrator for one.
public-too-many-accounts = Too many accounts were created from your network. Wait 15 minutes and try again.
public-check-email-title = Check your email
# { $address } is the address typed, in bold.
public-check-email-sent = We have sent an email to { $address }. Open the link in it to finish: it works for 24 hours.
public-check-email-sent-unknown = We have sent an email to the address you gave. Open the link in it to finish: it works for 24 hours.
# { $link } is a link whose words are public-check-email-again-link.
public-check-email-again = If it has not arrived in a few minutes, look in your spam folder, or { $link } to get a new link.
public-check-email-again-link = create your account again
public-confirm-title = Confirm your email address
public-confirm-intro-password = Enter the password you chose when you created the account, to confirm this address and start using it. You will be signed in.
public-confirm-intro = Confirm this address to start using your account. You will be signed in.
public-confirm-button = Confirm email address
public-confirm-link-dead = This link has expired or was already used. Create your account again to get a new one, or sign in if you already confirmed it.
public-confirm-throttled = Too many wrong passwords. Wait 15 minutes and try again.
public-confirm-password-wrong = Enter the password you chose when you created the account. If you created it more than once, any of those passwords works; if you forgot it, create the account again.

## Registering with a phone number.
public-register-phone-intro = Enter your mobile number. We will text you a code to prove it is yours; then you give your name and email.
public-register-with-email = Register with email and password
public-have-account-sign-in = Already have an account? Sign in
public-code-sent-to = We have sent a 6-digit code by text message to { $phone }.
public-send-again = Send again
public-enter-code-title = Enter your verification code
public-no-phone-registration = No registration by phone is in progress, or it took longer than 10 minutes. Start again from "Register with phone number".
public-details-title = Your name and email
public-details-intro = Your phone number { $phone } is verified. Tell us your name and your email address to finish creating your account. We will email a link to confirm the address; you can sign in with your phone number meanwhile.
public-no-verified-phone = Verify your phone number with a code first, then give your name and email. Start again from "Register with phone number".

## The "Phone number" page.
public-phone-label = Phone number
# { $example } is phone-example-national or phone-example-international.
public-phone-hint = A mobile number, { $example }.
public-send-code = Send code
public-phone-empty = Enter your phone number.
public-phone-invalid = This is not a valid phone number. Check the country code and the digits.

## "Forgot your password?" and "Set your password".
public-forgot-title = Forgot your password?
public-forgot-intro = Enter the email address you sign in with. We will send a link to choose a new password.
public-forgot-button = Send reset link
public-back-to-sign-in = Back to sign in
public-forgot-email-empty = Enter the email address you sign in with.
# { $address } is the address typed, in bold.
public-forgot-sent = If an account has the address { $address }, we have sent it a link to choose a new password. The link works once, for 30 minutes.
public-forgot-sent-unknown = If an account has the address you entered, we have sent it a link to choose a new password. The link works once, for 30 minutes.
public-forgot-two-step = If you use 2-step verification, it stays on: after a new password you still sign in with your second step.
public-forgot-no-email = No email? Check your spam folder, or ask your administrator.
public-forgot-throttled = Too many reset links were asked for. Wait an hour and try again, or ask your administrator.
public-password-link-dead = This link has expired or was already used. Ask for a new one with "Forgot your password?" on the sign-in page, or ask your administrator.
public-password-link-no-phone = This link also needs a code texted to the phone number of the account, and the account has none now. Ask your administrator.
public-set-title = Set your password
# { $email } is the account's address, in bold.
public-set-intro = Choose the password for { $email }. You then sign in with it.
public-set-unconfirmed = This address is not confirmed yet, so we also text a code to the phone number of the account, { $phone }: enter it with your new password. Doing both confirms the address.
public-set-code-label = Code from the text message
public-set-code-hint = The 6-digit code we texted to { $phone }. It works for 10 minutes.
public-new-password = New password
public-set-button = Set password
public-text-me-code = Text me a code

## A room invitation.
public-join-title = Join { $room }
# { $email } is the invited address, in bold.
public-invited-as = You were invited as { $email }. Choose your name and a password to create your account.
public-invitation-dead = This invitation has expired or was already used. Ask the room's administrator for a new one.

## The first administrator.
public-setup-title = Create the first administrator
public-setup-intro = This link works once. The account you create here manages { $app }.
public-setup-button = Create administrator
public-setup-link-invalid = This setup link has already been used or is no longer valid. Sign in, or ask an administrator for an account.

## Home.
public-home-title = Hello, { $name }
public-home-reminder-title = Turn on 2-step verification
public-home-turn-on-now = Turn on now
public-home-not-now = Not now
public-home-signed-in-to = You are signed in to { $app }.
public-home-my-rooms = My data rooms
public-home-code-asked = Code asked
public-home-open-this-session = Open this session
public-home-manage-rooms = Manage my data rooms
public-home-security = My security settings
public-home-change-password = Change password

## Entering a data room.
public-room-open = The data room is open for you for the rest of this session.
public-room-own-application = { $room } lives in its own application, at another address.
public-room-open-button = Open { $room }
public-back-to-rooms = Back to my data rooms
public-room-code-title = Enter the room's code
public-room-managed-not-entered = You manage this data room as a platform administrator, but managing a room does not open it: only its members and its own administrators enter it. To enter it, add yourself to one of its user groups on User Rights, or name yourself one of its administrators in its settings.
public-room-code-waiting = { $room } asks for a code before it opens. We sent a 6-digit code by text message to { $phone }.
public-room-cannot-text = { $room } asks for a code before it opens. We cannot text a code to { $phone } just now.
public-room-no-code = { $room } asks for a code before it opens. No code is waiting for { $phone }. Choose "Send again" to get a new one.
# Who chose the member's number; { $admin } is "Name (email)".
public-room-chosen-by-anyone = An administrator chose this number for you in { $room }. If it is wrong, ask your administrator to change it.
public-room-chosen-by-one = { $admin }, the room's administrator, chose this number for you in { $room }. If it is wrong, ask them to change it.
# { $admins } are all but the last, joined by ", ".
public-room-chosen-by-many = The room's administrators, { $admins } and { $last }, chose this number for you in { $room }. If it is wrong, ask one of them to change it.

## The "Language" menu.
public-language-unknown = Choose one of the languages offered.

## The error pages: a title and one sentence that says what to do, by status.
error-page-start = Go to the start page
error-page-400-title = The request could not be read
error-page-400 = The request could not be read. Go back, check what you entered and try again.
error-page-403-title = You cannot do this
error-page-403 = This is not allowed for your account.
error-page-404-title = Page not found
error-page-404 = There is no page at this address. Check it, or go to the start page.
error-page-405-title = This page cannot be used that way
error-page-405 = Go back and use the page's own links and buttons.
error-page-409-title = This change cannot be made
error-page-409 = The change conflicts with the current state. Go back, reload the page and try again.
error-page-410-title = This link has expired
error-page-410 = This link has expired or was already used. Ask for a new one.
error-page-413-title = Too much data
error-page-413 = What you sent is too large. Shorten it and try again.
error-page-415-title = The form could not be read
error-page-415 = The form was sent in a format this page does not accept.
error-page-429-title = Too many attempts
error-page-429 = Wait a few minutes and try again.
error-page-503-title = Unavailable
error-page-503 = The service is unavailable. Try again in a moment.
error-page-key-missing = This portal cannot read what it stored: it was sealed under the secret key { $key }, which the portal no longer has. Its operator must list that key in TWOSTEP_SECRET_KEY_PREVIOUS.
error-page-4xx-title = The request could not be completed
error-page-4xx = Go back and try again.
error-page-500-title = Something went wrong
error-page-500 = An unexpected error happened on our side. Try again in a moment.
error-page-bad-text = The form contains characters that cannot be used. Go back, check what you entered and try again.
error-page-form-expired = This form has expired or was not sent from this site. Go back, reload the page and try again.
# An address or a form the page cannot read.
error-page-bad-address = The address is malformed.
error-page-bad-form = The form could not be read. Go back, check what you entered and try again.
