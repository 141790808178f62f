# The audit log (/admin/audit) and the events tables of the control center.
audit-title = Audit log
audit-user = User (email)
audit-user-hint = An address no account has finds the sign-ins tried with it.
audit-event = Event
audit-all-events = All events
audit-from = From (YYYY-MM-DD)
audit-until = Until (YYYY-MM-DD)
audit-filter = Filter
audit-unknown-address = No account has the address { $address }: these are the sign-ins tried with it.
audit-download = Download (CSV)
audit-none = No events match.
audit-older = Older events
audit-no-account = { $address } (no account)
audit-choose-event = Choose an event from the list.
audit-from-invalid = Enter the first date as YYYY-MM-DD.
audit-until-invalid = Enter the last date as YYYY-MM-DD.
audit-until-before-from = The last date must be the same as or after the first date.
audit-bad-page-link = The page link is malformed. Start again from the first page.
audit-events-caption = Security events
audit-column-time = Time
audit-column-event = Event
audit-column-by = By
audit-column-user = User
audit-column-ip = IP address
audit-column-detail = Detail

# The event filter's groups.
audit-group-sign-in = Sign-in
audit-group-two-step = 2-step verification
audit-group-administration = Administration
audit-group-rooms = Rooms
audit-group-text-messages = Text messages

# What each kind of event is called: "event-" and its stored name, "." and "_" as "-".
event-user-registered = Registered
event-user-registered-by-phone = Registered with a phone number
event-user-registered-again = Registration tried with an address in use
event-email-confirmed = Email address confirmed
event-sign-in-succeeded = Signed in
event-sign-in-failed = Sign-in failed
event-sign-in-throttled = Sign-in blocked after too many attempts
event-sign-in-unconfirmed = Sign-in waiting for email confirmation
event-sign-in-code-required = Password right, code asked for
event-sign-in-trusted-device = Signed in on a trusted device
event-sign-in-phone-code-requested = Phone sign-in code asked for
event-sign-in-phone-succeeded = Signed in with a phone number
event-sign-in-phone-failed = Phone sign-in failed
event-sign-in-phone-second-factor-required = Phone code right, password asked for
event-sign-out = Signed out
event-reauth-succeeded = Password confirmed
event-reauth-failed = Password confirmation failed
event-password-changed = Password changed
event-password-change-failed = Password change failed
event-password-reset-requested = Password reset link sent
event-password-set = Password set
event-session-ended = Session ended
event-session-others-ended = Other sessions ended
event-session-duration-changed = Session length changed
event-user-profile-phone-changed = Profile phone number changed
event-two-step-enabled = 2-step verification turned on
event-two-step-disabled = 2-step verification turned off
event-two-step-method-changed = 2-step verification method changed
event-two-step-factor-removed = 2-step verification method removed
event-phone-changed = Phone number for codes changed
event-code-verified = Text message code was right
event-code-failed = Text message code was wrong
event-code-locked = Text message code locked after wrong tries
event-totp-verified = Authenticator app code was right
event-totp-failed = Authenticator app code was wrong
event-totp-replay-refused = Authenticator app code used twice
event-recovery-codes-generated = Recovery codes generated
event-recovery-codes-replaced = Recovery codes replaced
event-recovery-code-used = Recovery code used
event-recovery-code-failed = Recovery code was wrong
event-temporary-code-issued = Temporary access code issued
event-temporary-code-used = Temporary access code used
event-temporary-code-failed = Temporary access code was wrong
event-sign-in-help-requested = Asked the administrators for help
event-account-secured = Account secured after "This wasn't me"
event-device-trusted = Device trusted
event-device-removed = Trusted device removed
event-admin-created = Administrator account created
event-user-created-cli = Account created from the command line
event-user-added-by-admin = User added
event-password-link-made = Password link made
event-platform-settings-changed = Security settings changed
event-two-step-reset = 2-step verification reset
event-account-disabled = Account disabled
event-account-enabled = Account enabled
event-admin-granted = Made an administrator
event-admin-revoked = No longer an administrator
event-session-all-ended = Signed out by an administrator
event-phone-set-by-admin = Phone number set by an administrator
event-user-name-changed-by-admin = Name changed by an administrator
event-group-created = Group created
event-group-renamed = Group renamed
event-group-deleted = Group deleted
event-group-rule-changed = Group's 2-step verification changed
event-group-member-added = Added to a group
event-group-member-removed = Removed from a group
event-email-given-up = Email could not be delivered
event-application-added = Application added
event-application-changed = Application changed
event-application-secret-renewed = Application secret renewed
event-application-deleted = Application deleted
event-application-signed-in = Signed in to an application
event-passkey-refused = Passkey not accepted
event-passkey-counter-refused = Passkey refused as a possible copy
event-passkey-added = Passkey added
event-passkey-removed = Passkey removed
event-room-created = Data room created
event-room-edited = Data room settings changed
event-room-enforcement-on = Enforced two-factor authentication on
event-room-enforcement-off = Enforced two-factor authentication off
event-room-group-created = Room user group created
event-room-member-added = Added to a room user group
event-room-member-removed = Removed from a room user group
event-room-invitation-made = Invited to a room
event-room-invitation-accepted = Room invitation accepted
event-room-phone-set = Room phone number set
event-room-phone-cleared = Room phone number cleared
event-room-step-passed = Room code was right
event-room-step-failed = Room code was wrong
event-room-step-locked = Room code locked after wrong tries
event-sms-sent = Text message sent
event-sms-send-failed = Text message not accepted by the provider
event-sms-send-refused = Text message held back by a limit

# Each stored detail as a sentence.
audit-command-line = From the command line.
audit-and-command-line = { $sentence } From the command line.
audit-say-setup-link = With the setup link.
audit-say-with-password = With the password.
audit-say-with-password-sms = With the password and a code by text message.
audit-say-with-password-app = With the password and a code from the authenticator app.
audit-say-with-password-recovery = With the password and a recovery code.
audit-say-with-password-passkey = With the password and a passkey.
audit-say-with-password-temporary = With the password and a temporary access code.
audit-say-with-passkey-alone = With a passkey alone, with its PIN or biometrics.
audit-say-with-phone-code = With a code by text message to the phone number.
audit-say-with-phone-registration = With the code sent to register with the phone number.
audit-say-with-phone-code-password = With a code to the phone number and the password.
audit-say-with-phone-code-app = With a code to the phone number and a code from the authenticator app.
audit-say-wrong-password = Wrong password.
audit-say-no-account = No account has the email address typed.
audit-say-right-password-disabled = The password was right, but the account is disabled.
audit-say-wrong-password-confirming = Wrong password while confirming the email address.
audit-say-throttled = Too many wrong passwords: refused without checking.
audit-say-throttled-no-account = Too many attempts: refused without checking. No account has the email address typed.
audit-say-next-sms = A code by text message is asked for next.
audit-say-next-app = A code from the authenticator app is asked for next.
audit-say-next-passkey = A passkey is asked for next.
audit-say-trusted-device-sign-in = With the password; no code was asked for on this trusted device.
audit-say-unconfirmed = The email address is not confirmed yet.
audit-say-current-password-wrong = The current password was wrong.
audit-say-reset-emailed = A link to choose a new password was emailed.
audit-say-reset-emailed-unconfirmed = A link to choose a new password was emailed to the address waiting for confirmation.
audit-say-password-set-link = With a one-time link.
audit-say-password-set-first = A first password, after a code to the verified phone number.
audit-say-password-set-link-and-code = With a one-time link and a code to the verified phone number.
audit-say-registered-again = Someone registered with this address again; its owner was emailed.
audit-say-other-sessions-ended = { $count ->
    [one] 1 other session ended.
   *[other] { $count } other sessions ended.
}
audit-say-until-browser-closes = Stays signed in until the browser closes.
audit-say-stays-signed-in = Stays signed in for { $duration }.
audit-say-profile-phone = The profile phone number is now { $phone }.
audit-say-registered-phone = With the phone number { $phone }.
audit-say-phone-code-sent = For { $phone }, an account's number: a code was sent.
audit-say-phone-code-register = For { $phone }, which no account has: a code to register was sent.
audit-say-phone-code-nothing-sent = For { $phone }, which no account has: nothing was sent.
audit-say-phone-wrong-code-or-password = A wrong code or password.
audit-say-phone-wrong-code-or-number = A wrong code, or a number no account has.
audit-say-password-next = This account uses 2-step verification: the password is asked for next.
audit-say-with-sms = With text messages (SMS).
audit-say-with-sms-to = With text messages to { $phone }.
audit-say-with-app = With an authenticator app.
audit-say-with-passkey = With a passkey.
# $words: how the method was stored, in English ("text messages to +46 ••• ••• 67").
audit-say-with-words = With { $words }.
audit-say-now-sms = Now with text messages (SMS).
audit-say-now-sms-to = Now with text messages to { $phone }.
audit-say-now-app = Now with an authenticator app.
audit-say-now-passkey = Now with a passkey.
audit-say-now-words = Now with { $words }.
audit-say-removed-sms = Codes by text message (SMS) were removed.
audit-say-removed-app = The authenticator app was removed.
audit-say-removed-passkey = The last passkey was removed.
audit-say-two-step-off = Its methods, recovery codes and trusted devices were removed.
audit-say-codes-go-to = Codes now go to { $phone }.
# $purpose: one of the audit-purpose-… messages.
audit-say-for = For { $purpose }.
audit-say-code-for = A code for { $purpose }.
# $reason: one of the audit-limit-… messages.
audit-say-code-held-back = A code for { $purpose }: { $reason }.
audit-say-setting-up-app = While setting up the authenticator app.
audit-say-while-signing-in = While signing in.
audit-say-code-replayed = A code already used was typed again.
audit-say-recovery-codes-left = { $count ->
    [one] 1 recovery code left.
   *[other] { $count } recovery codes left.
}
audit-say-codes-replaced = The codes before no longer work.
audit-say-device = { $device }.
audit-say-all-devices = All trusted devices ({ $count }).
audit-say-two-step-reset = Every method, recovery code, trusted device and session was removed.
audit-say-sessions-ended = { $count ->
    [one] 1 session ended.
   *[other] { $count } sessions ended.
}
audit-say-as-administrator = As an administrator.
audit-say-password-link = A one-time link to choose a password.
audit-say-group = The group { $group }.
audit-say-group-renamed = From { $before } to { $after }.
audit-say-to-group = To the group { $group }.
audit-say-from-group = From the group { $group }.
audit-say-email-given-up = An email to { $address } was given up after repeated failures: { $error }.
audit-say-application = The application { $application }.
audit-say-signed-in-to = Signed in to { $application }.
audit-say-passkey = The passkey { $name }.
audit-say-passkey-copied = The passkey { $name } answered with a sign counter that did not go forward: it may have been copied.
audit-say-passkey-stale = The answer was to a request already answered, or older than 5 minutes.
audit-say-passkey-not-an-answer = What the browser sent was not a passkey's answer.
audit-say-passkey-unknown = The passkey is not registered here.
audit-say-passkey-other-handle = The passkey named another account.
audit-say-passkey-other-account = The passkey belongs to another account.
audit-say-passkey-not-verified = The answer did not verify (another site, a wrong signature, or no PIN or biometrics where they are needed).
audit-say-passkey-twice = The same passkey answer was sent twice at once.
audit-say-passkey-account-disabled = The account is disabled.
audit-say-valid-for = Valid for { $duration }.
audit-say-temporary-code-used = Signed in with it; it no longer works.
audit-say-temporary-code-ended = Five wrong tries: the code no longer works.
audit-say-account-secured = The password no longer works; { $sessions ->
    [one] 1 session ended
   *[other] { $sessions } sessions ended
}, { $devices ->
    [one] 1 trusted device removed
   *[other] { $devices } trusted devices removed
}; a link to choose a new one was emailed.
audit-say-help-requested = Lost their phone: the administrators were emailed a link to the account.
audit-say-provider-refused = The provider refused it: { $reason } (error { $code }).
audit-say-provider-unavailable = The provider could not be reached or failed; nothing was sent.
audit-say-room = Data room { $room }.
# $more: one of the audit-room-… messages.
audit-say-room-and = Data room { $room }: { $more }

# What a room event adds after the room's name.
audit-room-invited = { $email } was invited to the user group { $group }.
audit-room-group-created = the user group { $group }.
audit-room-member-added = to the user group { $group }.
audit-room-member-removed = from the user group { $group }.
audit-room-member-left = from the user group { $group }, and no longer in the room.
audit-room-member-left-cleared = from the user group { $group }, and no longer in the room, its two-factor phone number cleared.
# $changes: audit-room-… changes below, separated by commas.
audit-room-changes = { $changes }.
audit-room-renamed = name { $before } → { $after }
audit-room-address-changed = application address { $before } → { $after }
audit-room-no-address = none
audit-room-enforced-on = enforced two-factor authentication on
audit-room-enforced-off = enforced two-factor authentication off
audit-room-nothing-changed = nothing changed
audit-room-admins-added = administrators added { $added }
audit-room-admins-removed = administrators removed { $removed }
audit-room-admins-added-removed = administrators added { $added }, removed { $removed }

# What a code was for, after "for".
audit-purpose-sign-in = signing in
audit-purpose-phone-enrolment = setting up 2-step verification by text message
audit-purpose-phone-change = changing the phone number for codes
audit-purpose-room-entry = entering a data room
audit-purpose-phone-sign-in = signing in with a phone number
audit-purpose-phone-registration = registering with a phone number
audit-purpose-profile-phone = confirming a profile phone number
audit-purpose-password-set = setting a password

# Which limit held a code back.
audit-limit-cooldown = asked for again too soon after the last one
audit-limit-per-subject-hourly = the hourly limit of codes for this account was reached
audit-limit-per-phone-daily = the daily limit of codes to this phone number was reached
audit-limit-per-ip-hourly = the hourly limit of codes from this IP address was reached
audit-limit-daily-budget = the daily text message budget is spent
audit-limit-per-number = the daily limit of codes to this new number was reached
audit-limit-per-address = the daily limit of codes to new numbers from this IP address was reached
audit-limit-per-network = the daily limit of codes to new numbers from this network was reached
audit-limit-per-country = the daily limit of codes to new numbers in this country was reached

# Lengths of time as stored ("8 hours").
audit-minutes = { $count ->
    [one] 1 minute
   *[other] { $count } minutes
}
audit-hours = { $count ->
    [one] 1 hour
   *[other] { $count } hours
}
audit-days = { $count ->
    [one] 1 day
   *[other] { $count } days
}

# API keys (/admin/api-keys). $name: the key's name; $scopes: its scopes as scripts spell them.
event-api-key-created = API key created
event-api-key-revoked = API key revoked
event-two-step-reminder-sent = Reminder to turn on 2-step verification sent
audit-api-key = API key “{ $name }”
audit-say-api-key = The API key “{ $name }”.
audit-say-api-key-created = The API key “{ $name }” with the scopes { $scopes }.

# Operators' key rotations (`twostep secret-key rotate`, `twostep signing-key rotate`).
# $key: the new secret key's id (8 hex); $count: values re-sealed; $kid: the signing key's id.
event-secret-key-rotated = Secret key rotated
event-signing-key-rotated = Signing key rotated
audit-say-secret-key-rotated = { $count ->
    [one] 1 stored value re-sealed under the secret key { $key }.
   *[other] { $count } stored values re-sealed under the secret key { $key }.
}
audit-say-signing-key = The signing key { $kid }.
