package org.ronghe.platform.web;

import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;

/**
 * The refusals Spring MVC makes itself, explained in Chinese; and, for the API, answered as problem
 * details even when no controller was found (an unknown path, a method or content type the path does
 * not take, an upload over the limit), where {@link ApiProblems} does not apply. Other requests keep
 * the error page: the exception is thrown on unchanged, which hands it back to Spring MVC silently.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class RequestProblems {

    private static final int SHOWN = 40;

    @ExceptionHandler({NoResourceFoundException.class, HttpRequestMethodNotSupportedException.class,
            HttpMediaTypeNotSupportedException.class, HttpMediaTypeNotAcceptableException.class,
            MaxUploadSizeExceededException.class})
    ResponseEntity<ProblemDetail> unmatched(Exception e, HttpServletRequest request) throws Exception {
        if (!request.getRequestURI().startsWith(request.getContextPath() + "/api/") || !(e instanceof ErrorResponse error)) {
            throw e;
        }
        ProblemDetail problem = error.getBody();
        explain(e, problem);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(error.getStatusCode()).headers(error.getHeaders()).body(problem);
    }

    /** Gives the problem a type of ours, a Chinese title and a Chinese detail that says what to change. */
    static void explain(Exception e, ProblemDetail problem) {
        String type = "bad-request";
        String title = "请求无效";
        String detail = "请求无效，请检查后重试";
        if (e instanceof HttpMessageNotReadableException unreadable) {
            type = "unreadable-body";
            title = "请求体无法解析";
            detail = refusedText(unreadable);
        } else if (e instanceof MethodArgumentTypeMismatchException mismatch) {
            type = "invalid-parameter";
            title = "参数值无效";
            detail = "参数 " + mismatch.getName() + " 的值无效：" + shown(String.valueOf(mismatch.getValue()));
        } else if (e instanceof MissingServletRequestParameterException missing) {
            type = "invalid-parameter";
            title = "缺少参数";
            detail = "缺少参数：" + missing.getParameterName();
        } else if (e instanceof MissingServletRequestPartException missing) {
            type = "invalid-parameter";
            title = "缺少上传的文件";
            detail = "请在表单字段 " + missing.getRequestPartName() + " 中上传文件";
        } else if (e instanceof MissingPathVariableException) {
            type = "not-found";
            title = "记录不存在";
            detail = "地址不完整";
        } else if (e instanceof HttpRequestMethodNotSupportedException method) {
            type = "method-not-allowed";
            title = "不支持的请求方法";
            detail = "此地址不支持 " + method.getMethod() + " 方法"
                    + (method.getSupportedMethods() == null ? "" : "，可用：" + String.join("、", method.getSupportedMethods()));
        } else if (e instanceof HttpMediaTypeNotSupportedException media) {
            type = "unsupported-media-type";
            title = "不支持的内容类型";
            detail = "不支持的请求内容类型：" + media.getContentType() + "，请使用 "
                    + (media.getSupportedMediaTypes().isEmpty() ? "application/json" : media.getSupportedMediaTypes().get(0));
        } else if (e instanceof HttpMediaTypeNotAcceptableException) {
            type = "not-acceptable";
            title = "无法提供所要求的格式";
            detail = "无法以所要求的格式答复，请接受 application/json";
        } else if (e instanceof NoResourceFoundException) {
            type = "not-found";
            title = "资源不存在";
            detail = "没有这个地址，请参阅 /v3/api-docs";
        } else if (e instanceof MaxUploadSizeExceededException tooLarge) {
            type = "payload-too-large";
            title = "文件过大";
            detail = "上传的文件过大" + (tooLarge.getMaxUploadSize() > 0
                    ? "：上限为 " + DataSize.ofBytes(tooLarge.getMaxUploadSize()).toMegabytes() + " MB" : "") + "，请拆分后再上传";
        }
        problem.setType(URI.create(ApiProblems.TYPE_BASE + type));
        problem.setTitle(title);
        problem.setDetail(detail);
    }

    /** Our own reason when a text in the body was refused ({@link StrictInput}); otherwise what a body must be. */
    private static String refusedText(HttpMessageNotReadableException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StrictInput.RefusedText refused) {
                return refused.getOriginalMessage();
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JacksonException jackson && jackson.getPath() != null && !jackson.getPath().isEmpty()) {
                String field = jackson.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : "[" + r.getIndex() + "]")
                        .collect(java.util.stream.Collectors.joining("."));
                return "字段 " + shown(field) + " 的值无效或类型不对；文本、数字、true/false、日期时间和列表须各用其类型";
            }
        }
        return "请求体须为 UTF-8 编码的 JSON 对象，文本、数字、true/false、日期时间和列表各用其类型";
    }

    private static String shown(String value) {
        return value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "…";
    }
}
