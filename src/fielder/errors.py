"""The exception tree every service raises; the app renders each as the API error format.

    FielderError (code, message, status, details)
    ├── BadRequest             400  malformed request, missing_org
    ├── Unauthorized           401  unauthenticated, invalid_key, key_revoked, key_expired
    ├── Forbidden              403  org_mismatch, insufficient_scope
    ├── NotFound               404  not_found (also another org's object)
    ├── Conflict               409  state conflicts
    ├── PreconditionFailed     412  stale If-Match
    ├── PayloadTooLarge        413  payload_too_large
    ├── UnsupportedMediaType   415  unsupported_file, unsupported_media_type
    ├── Unprocessable          422  invalid content; details name the field or question
    ├── RateLimited            429  rate_limited (details: [{"retry_after": seconds}])
    ├── BadGateway             502  a platform or engine answered badly
    └── ServiceUnavailable     503  a dependency is down

Rendered as `{"error": {"code", "message", "details"}}` with the status code.
"""

from __future__ import annotations

from typing import Any, ClassVar


class FielderError(Exception):
    """An error the user can act on: a snake_case code, a message, an HTTP status, details."""

    default_status: ClassVar[int] = 500
    default_code: ClassVar[str] = "internal_error"

    def __init__(
        self,
        code: str | None = None,
        message: str = "",
        status: int | None = None,
        details: list[Any] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.code = code or self.default_code
        self.message = message or self.code.replace("_", " ")
        self.status = status or self.default_status
        self.details = details
        self.headers = headers
        super().__init__(self.message)

    def to_body(self) -> dict[str, Any]:
        """The JSON body of this error in the API's error format."""
        return {"error": {"code": self.code, "message": self.message, "details": self.details}}


class BadRequest(FielderError):
    """400: the request is malformed."""

    default_status = 400
    default_code = "bad_request"


class Unauthorized(FielderError):
    """401: no key, or a bad, revoked or expired key."""

    default_status = 401
    default_code = "unauthenticated"


class Forbidden(FielderError):
    """403: the key lacks the scope or the org."""

    default_status = 403
    default_code = "forbidden"


class NotFound(FielderError):
    """404: no such object, or it belongs to another org."""

    default_status = 404
    default_code = "not_found"


class Conflict(FielderError):
    """409: the object's state forbids the operation."""

    default_status = 409
    default_code = "conflict"


class PreconditionFailed(FielderError):
    """412: the If-Match precondition does not hold."""

    default_status = 412
    default_code = "precondition_failed"


class PayloadTooLarge(FielderError):
    """413: the body is over the limit."""

    default_status = 413
    default_code = "payload_too_large"


class UnsupportedMediaType(FielderError):
    """415: a file type or content type that is not accepted."""

    default_status = 415
    default_code = "unsupported_media_type"


class Unprocessable(FielderError):
    """422: the content is invalid; details name the field or question."""

    default_status = 422
    default_code = "unprocessable"


class RateLimited(FielderError):
    """429: too many requests; carries Retry-After."""

    default_status = 429
    default_code = "rate_limited"


class BadGateway(FielderError):
    """502: an upstream service answered badly."""

    default_status = 502
    default_code = "bad_gateway"


class ServiceUnavailable(FielderError):
    """503: a dependency is unavailable."""

    default_status = 503
    default_code = "service_unavailable"
