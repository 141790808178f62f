//! Data rooms as a platform administrator makes them in the control center.

use twostep::services::admin::Actor;
use twostep::services::rooms::{Added, RoomSettings};

use super::{Kit, command_line};

impl Kit<'_> {
    /// A room made by platform administrator `admin`, its application at `app_url` (or
    /// none), administered by the accounts with `admins`; its id.
    pub async fn create_room(
        &self,
        admin: i64,
        name: &str,
        app_url: Option<&str>,
        enforced: bool,
        admins: &[&str],
    ) -> i64 {
        let actor = self.user(admin).await;
        let settings = RoomSettings {
            name: name.to_owned(),
            app_url: app_url.map(str::to_owned),
            enforced,
        };
        let admins: Vec<String> = admins.iter().map(|a| (*a).to_owned()).collect();
        self.services
            .create_room(&actor, &settings, &admins, &command_line())
            .await
            .unwrap()
            .expect("the room's administrators have accounts")
    }

    /// A user group in room `room`, made by `admin`; its id.
    pub async fn create_room_group(&self, admin: i64, room: i64, name: &str) -> i64 {
        let actor = self.user(admin).await;
        self.services
            .create_room_group(&actor, room, name, &command_line())
            .await
            .unwrap()
            .expect("a new group name in a room the actor manages")
    }

    /// Adds the account with `email` to room group `group`, as User Rights does.
    pub async fn add_room_member(&self, admin: i64, group: i64, email: &str) {
        let actor = self.user(admin).await;
        let added = self
            .services
            .add_room_member(&actor, group, email, &command_line())
            .await
            .unwrap()
            .expect("a group the actor manages");
        assert!(matches!(added, Added::Joined), "{email} has an account");
    }

    /// Sets member `user`'s "Two-factor phone number" in room `room`, as User Rights does.
    pub async fn set_room_phone(&self, admin: i64, room: i64, user: i64, phone: &str) {
        let actor = self.user(admin).await;
        self.services
            .set_member_room_phone(Actor::Admin(&actor), room, user, phone, &command_line())
            .await
            .unwrap()
            .expect("a member of a room the actor manages, and a number that takes texts");
    }
}
