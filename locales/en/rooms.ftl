# Data rooms in the control center (/admin/rooms).
rooms-title = Data rooms
rooms-new-title = Create new data room
rooms-create-button = Create data room
rooms-none-yet = No data rooms yet.
rooms-name = Name
rooms-enforced = Enforced two-factor authentication
rooms-address = Application address
rooms-on = On
rooms-off = Off
rooms-no-address = None
rooms-edit = Edit
rooms-back = Back to data rooms
rooms-edit-settings = Edit settings
rooms-edit-title = Edit settings: { $room }
rooms-save = Save
rooms-admins = Room administrators
rooms-no-admins = None
rooms-groups = User groups
rooms-no-groups = No user groups yet.
rooms-group = Group
rooms-members = Members
rooms-user-rights = User Rights
# After "User Rights", for screen readers.
rooms-of-group = of { $group }
rooms-new-group = New user group
rooms-create-group = Create group
rooms-address-hint = Optional. The room's own application, as its members open it: the whole address, starting with https:// (or http://), for example https://docs.example.com/deal/. No user name, password or #fragment. Members who pass the room's step are sent there, and the reverse proxy in front of it asks Twostep who may open it.
rooms-enable-enforced = Enable enforced two-factor authentication
rooms-enforced-hint = Members with a two-factor phone number in this room enter a code texted to it before the room opens, once per session.
rooms-admins-hint = Emails of existing accounts, separated by commas. Room administrators manage this room and are never asked for its code.
rooms-phone-title = Two-factor phone number
rooms-back-to-rights = Back to User Rights
rooms-phone-intro = { $name } ({ $email }) in { $room }. This number is separate from their own phone number.
rooms-phone-hint = In full international format, for example +46 70 123 45 67. Empty removes the requirement for this member at once.

rooms-done-created = The data room was created.
rooms-done-saved = The settings were saved.
rooms-done-group = The user group was created.
rooms-done-member = The member was added.
rooms-done-phone = The two-factor phone number was saved.
rooms-done-phone-cleared = The two-factor phone number was cleared.
rooms-done-removed = The member was removed.
rooms-notice-no-code = { $name } no longer needs a code for { $room }.
rooms-notice-removed = { $name } was removed from { $group }.

rooms-name-missing = Enter a name for the data room.
rooms-name-too-long = The name must be 120 characters or fewer, on one line.
rooms-admin-unknown = No account has the email { $email }.
rooms-admins-unknown = An email in the list has no account.
rooms-group-name-invalid = Enter a group name of 80 characters or fewer, on one line.
rooms-group-name-taken = The room has a group with this name already.
rooms-member-email-missing = Enter the email address of the person to add.
rooms-member-email-invalid = Enter a valid email address, like name@example.com.

# Why a typed application address is refused (domain/rooms.rs).
rooms-address-not-an-address = Enter the application address in full, starting with https:// or http://, for example https://docs.example.com/deal/.
rooms-address-not-web = The application address must start with https:// or http:// (a web address the room's members open in their browser).
rooms-address-no-host = The application address must name a host, for example https://docs.example.com/.
rooms-address-too-long = The application address must be 2,000 characters or fewer.
rooms-address-credentials = The application address cannot hold a user name, a password or a #fragment.

# Removing a member from a room's user group: the question.
rooms-remove-title = Remove { $name } from { $group }?
rooms-remove-leaves = { $name } ({ $email }) leaves the user group { $group } of { $room }.
# $groups: the other groups' names, separated by commas.
rooms-remove-stays = They stay in { $room } through { $groups }, and keep its two-factor phone number.
rooms-remove-still-admin = They still administer { $room }, and open it as its administrator.
rooms-remove-no-longer-opens = They can no longer open { $room }, here or in its application: a step they passed in a session ends with it.
rooms-remove-phone-cleared = Their two-factor phone number for { $room }, { $phone }, is cleared.
rooms-remove-button = Remove member

# Applications (/admin/applications).
apps-title = Applications
apps-intro = Applications that let Twostep sign their users in, with OpenID Connect, instead of keeping passwords and codes themselves. Each one's settings hold its client ID, its client secret (unless it is public) and Twostep's issuer:
apps-add = Add application
apps-none-yet = No applications yet.
apps-name = Name
apps-client-id = Client ID
apps-type = Type
apps-require-two-step = Require 2-step verification
apps-data-room = Data room
apps-public = Public
apps-confidential = Confidential
apps-on = On
apps-off = Off
apps-no-room = None
apps-edit = Edit
apps-new-secret = Generate new secret
# After "Generate new secret", for screen readers.
apps-for-application = for { $name }
apps-delete = Delete
apps-issuer = Issuer
apps-discovery = Discovery URL
apps-back = Back to applications
apps-client-type = Client type
apps-public-type = Public: no secret; it signs in with PKCE
apps-confidential-type = Confidential: it signs in with its client secret
apps-type-stays = The client type and the client ID stay as they are: for another type, add the application again.
apps-name-hint = As people know the application, for example CRM. It is shown in the audit log.
apps-redirect-uris = Redirect URIs
apps-redirect-uris-hint = One a line: the addresses in the application that receive the sign-in, exactly as the application sends them, port and path included, for example https://crm.example.com/oidc/callback. They start with https:// (http:// only for localhost and 127.0.0.1, while developing).
apps-post-logout-uris = Post-logout redirect URIs
apps-post-logout-uris-hint = Optional. One a line: where the application may send people after they sign out of Twostep through it.
apps-confidential-hint = An application with a server that keeps a secret. It gets a client secret, shown once.
apps-public-hint = An application that runs in the browser or on a phone and cannot keep a secret. It has none, and signs in with PKCE.
apps-require-two-step-hint = Everyone who signs in to this application passes the second step in their session, even when nothing else asks it of them; someone without a method sets one up first.
apps-room-hint = Optional. Tied to a data room, the application signs in only the room's members and administrators, and asks the room's code of its enforced members first, as opening the room does.
apps-save = Save
apps-edit-title = Edit { $name }
apps-added-title = { $name } was added
apps-new-secret-title = New secret for { $name }
apps-secret-once = The client secret is shown only once, on this page. Copy it into the application's settings now: it cannot be shown again. If it is lost, generate a new secret.
apps-secret-once-renewed = The client secret is shown only once, on this page. Copy it into the application's settings now: it cannot be shown again, and the old secret no longer works. If it is lost, generate a new secret.
apps-no-secret = A public application has no client secret: it signs in with PKCE (S256).
apps-needs = What { $name } needs in its settings:
apps-client-secret = Client secret
apps-discovery-rest = Most applications read the rest from the discovery URL. The redirect URIs it sends must be exactly those registered.
apps-done = Done

apps-done-saved = The application was saved.
apps-done-deleted = The application was deleted.
apps-notice-saved = { $name } was saved.
apps-notice-deleted = { $name } was deleted.

apps-too-long = Enter at most 20 addresses, each at most 2,000 characters.
apps-choose-type = Choose the client type: Confidential or Public.
apps-choose-room = Choose a data room from the list, or None.
apps-room-gone = That data room no longer exists. Choose another, or None.
apps-name-missing = Enter the application's name.
apps-name-too-long = The name must be at most 100 characters, on one line.
apps-redirect-uri-missing = Enter at least one redirect URI: the address in the application that receives the sign-in.
# Why a typed redirect URI is refused (domain/oidc.rs); { $address } is the address as typed.
apps-uri-not-an-address = "{ $address }" is not a full address. Enter it as the application gives it, for example https://crm.example.com/oidc/callback.
apps-uri-not-https = "{ $address }" must start with https:// (http:// is accepted only for localhost and 127.0.0.1, while developing).
apps-uri-unsafe = "{ $address }" may not hold a user name, a password or a #fragment.
apps-uri-too-many = Enter at most { $max } addresses.
apps-refused-room-gone = That data room no longer exists.
apps-public-no-secret = A public application has no secret: it signs in with PKCE instead.
rooms-not-yours = Data rooms are managed by platform administrators and by each room's own administrators.

# Generating a new secret: the question.
apps-renew-title = Generate a new secret for { $name }?
apps-renew-stops = The current secret of { $name } stops working at once: { $name } cannot sign anyone in until its settings hold the new one.
apps-renew-shown-once = The new secret is shown once, on the next page. Copy it into the application's settings there.
# Deleting an application: the question.
apps-delete-title = Delete { $name }?
apps-delete-confidential = Nobody can sign in to { $name } through Twostep any more: its client ID and secret stop working at once, and so do the codes and access tokens it was given.
apps-delete-public = Nobody can sign in to { $name } through Twostep any more: its client ID stops working at once, and so do the codes and access tokens it was given.
apps-delete-signed-in = People already signed in to { $name } stay signed in there until its own session ends.
apps-delete-final = This cannot be undone: added again, the application gets a new client ID.
apps-delete-button = Delete application
