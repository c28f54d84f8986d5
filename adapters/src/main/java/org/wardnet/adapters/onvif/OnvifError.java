package org.wardnet.adapters.onvif;

/**
 * Why an ONVIF exchange failed, each with what an installer should check next. The classes are
 * the ones a verify checklist and the metrics report; the message of the {@link OnvifException}
 * carries the detail.
 */
public enum OnvifError {
    /** TCP connection refused, unroutable or not established in time. */
    UNREACHABLE("check the camera is powered, cabled and on this address, and that port is open"),
    /** Connected, but no complete reply in time. */
    TIMEOUT("the device accepted the connection but did not answer; check its ONVIF service is enabled"),
    /** The device refused the credentials (SOAP NotAuthorized, or HTTP 401/403). */
    NOT_AUTHORIZED("check the username and password, that the user is an ONVIF user, and the camera's clock"),
    /** The device does not implement the operation (SOAP ActionNotSupported). */
    ACTION_NOT_SUPPORTED("the device lacks this service; another profile or service may offer it"),
    /** The device rejected an argument (SOAP InvalidArgVal and its kin). */
    INVALID_ARGUMENT("a request argument was refused; the profile token may be stale"),
    /** Any other SOAP fault. */
    FAULT("the device reported an error; see its reason"),
    /** An HTTP error status without a SOAP fault. */
    HTTP_STATUS("the web server answered with an error instead of ONVIF; check the device service URL"),
    /** A reply that is not SOAP at all (an HTML page, plain text). */
    NOT_SOAP("something other than an ONVIF service answers at this URL; check the device service path"),
    /** Not well-formed XML, or SOAP without the expected parts. */
    MALFORMED_XML("the device sent a broken reply; a firmware update may help"),
    /** A DOCTYPE or entity in the reply: refused to protect the server. */
    UNSAFE_XML("the reply declared a DOCTYPE or entities, which is never needed and always refused"),
    /** A reply over the configured size limit. */
    TOO_LARGE("the reply was over the size limit (onvif.maxResponseBytes)");

    private final String advice;

    OnvifError(String advice) {
        this.advice = advice;
    }

    /** What to check next, for an installer. */
    public String advice() {
        return advice;
    }
}
