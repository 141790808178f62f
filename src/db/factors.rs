//! How a `FactorMethod` is stored: its one spelling (`FactorMethod::as_str`) in a text
//! column, read back through `FactorMethod::parse`, so rows carry the enum and never the
//! string. The database refuses any other spelling (a CHECK constraint on PostgreSQL,
//! triggers on SQLite).

use sqlx::any::{AnyTypeInfo, AnyValueRef};
use sqlx::encode::IsNull;
use sqlx::error::BoxDynError;
use sqlx::{Any, Database, Decode, Encode, Type};

use crate::domain::factors::FactorMethod;

impl Type<Any> for FactorMethod {
    fn type_info() -> AnyTypeInfo {
        <str as Type<Any>>::type_info()
    }

    fn compatible(ty: &AnyTypeInfo) -> bool {
        <str as Type<Any>>::compatible(ty)
    }
}

impl<'r> Decode<'r, Any> for FactorMethod {
    fn decode(value: AnyValueRef<'r>) -> Result<Self, BoxDynError> {
        let text = <&str as Decode<Any>>::decode(value)?;
        Self::parse(text)
            .ok_or_else(|| format!("no such 2-step verification method: {text:?}").into())
    }
}

impl Encode<'_, Any> for FactorMethod {
    fn encode_by_ref(
        &self,
        buf: &mut <Any as Database>::ArgumentBuffer,
    ) -> Result<IsNull, BoxDynError> {
        <&str as Encode<Any>>::encode(self.as_str(), buf)
    }
}
