package org.ronghe.platform;

/** A record that does not exist; answered with 404. */
@org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.NOT_FOUND)
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, String key) {
        super(what + "不存在：" + key);
    }
}
