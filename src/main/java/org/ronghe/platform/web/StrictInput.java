package org.ronghe.platform.web;

import java.beans.PropertyEditorSupport;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.ronghe.platform.Texts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JacksonModule;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * No text reaches the API with a character that cannot be stored ({@link Texts#unacceptable}): every
 * string in a JSON body is checked as it is read, and every parameter and the path of an API request
 * before any controller sees them. Either is answered with 400 and a Chinese reason. Numbers in paths
 * and parameters are plain decimal digits: Spring alone would read "010" as octal 8, "0x10" as 16 and
 * Arabic-Indic or full-width digits as numbers, so "/calls/010" would open call 8. Whole numbers in JSON bodies are
 * JSON numbers only: Jackson alone would read the text "１" (full-width) or "12" as one, so a count could arrive as words.
 */
@Configuration(proxyBeanMethods = false)
class StrictInput {

    private static final java.util.regex.Pattern INTEGER = java.util.regex.Pattern.compile("-?[0-9]{1,18}");

    /**
     * Whole numbers in paths and parameters as decimal digits only. An editor, not a converter: when a
     * converter refuses, Spring falls back to its default editor, which is the lenient one.
     */
    @ControllerAdvice
    static class DecimalNumbers {

        @InitBinder
        void decimal(WebDataBinder binder) {
            binder.registerCustomEditor(long.class, new Decimal(Long::valueOf, false));
            binder.registerCustomEditor(Long.class, new Decimal(Long::valueOf, true));
            binder.registerCustomEditor(int.class, new Decimal(Integer::valueOf, false));
            binder.registerCustomEditor(Integer.class, new Decimal(Integer::valueOf, true));
        }
    }

    private static final class Decimal extends PropertyEditorSupport {

        private final Function<String, Object> parse;
        private final boolean optional;

        Decimal(Function<String, Object> parse, boolean optional) {
            this.parse = parse;
            this.optional = optional;
        }

        @Override
        public void setAsText(String text) {
            String trimmed = text == null ? "" : text.strip();
            if (trimmed.isEmpty() && optional) {
                setValue(null);
            } else if (INTEGER.matcher(trimmed).matches()) {
                setValue(parse.apply(trimmed));
            } else {
                throw new IllegalArgumentException("不是十进制整数：" + trimmed);
            }
        }
    }

    @Bean
    JacksonModule checkedText() {
        return new SimpleModule("checked-text").addDeserializer(String.class, new CheckedText());
    }

    @Bean
    JacksonModule wholeNumbers() {
        return new SimpleModule("whole-numbers")
                .addDeserializer(Integer.class, new WholeNumber<>(Integer.class, JsonParser::getIntValue))
                .addDeserializer(Integer.TYPE, new WholeNumber<>(Integer.TYPE, JsonParser::getIntValue))
                .addDeserializer(Long.class, new WholeNumber<>(Long.class, JsonParser::getLongValue))
                .addDeserializer(Long.TYPE, new WholeNumber<>(Long.TYPE, JsonParser::getLongValue));
    }

    private static final class WholeNumber<T> extends StdScalarDeserializer<T> {

        private final Function<JsonParser, T> read;

        WholeNumber(Class<T> type, Function<JsonParser, T> read) {
            super(type);
            this.read = read;
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(JsonParser parser, DeserializationContext context) {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return read.apply(parser);
            }
            return (T) context.handleUnexpectedToken(handledType(), parser);
        }

        /** A JSON null is no number: refused for an {@code int} or {@code long}, absent for an {@code Integer} or {@code Long}. */
        @Override
        public Object getNullValue(DeserializationContext context) {
            return handledType().isPrimitive() ? context.reportInputMismatch(this, "应为整数，不能为空") : null;
        }
    }

    @Bean
    OncePerRequestFilter apiParameterText(JsonMapper json) {
        return new ParameterText(json);
    }

    /** A text in a JSON body that was refused; its original message is the Chinese reason. */
    static final class RefusedText extends InvalidFormatException {
        RefusedText(JsonParser parser, String reason, String value) {
            super(parser, reason, value, String.class);
        }
    }

    private static final class CheckedText extends StdScalarDeserializer<String> {

        CheckedText() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) {
            String value = StringDeserializer.instance.deserialize(parser, context);
            String why = Texts.unacceptable(value);
            if (why != null) {
                String field = parser.currentName();
                throw new RefusedText(parser, (field == null ? "文本" : "字段 " + field + " ") + why, value);
            }
            return value;
        }
    }

    private static final class ParameterText extends OncePerRequestFilter {

        private final JsonMapper json;

        ParameterText(JsonMapper json) {
            this.json = json;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !request.getRequestURI().startsWith(request.getContextPath() + "/api/");
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String why = Texts.unacceptable(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
            String where = "地址";
            // A multipart body is left to the upload's own checks: reading its parameters here would parse it early.
            if (why == null && (request.getContentType() == null
                    || !request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/"))) {
                for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                    why = Texts.unacceptable(parameter.getKey());
                    for (String value : parameter.getValue()) {
                        why = why != null ? why : Texts.unacceptable(value);
                    }
                    if (why != null) {
                        where = "参数 " + (Texts.unacceptable(parameter.getKey()) == null ? parameter.getKey() : "名");
                        break;
                    }
                }
            }
            if (why == null) {
                chain.doFilter(request, response);
                return;
            }
            ProblemDetail problem = ApiProblems.problem(HttpStatus.BAD_REQUEST, "invalid-parameter", "参数值无效", where + why);
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            json.writeValue(response.getOutputStream(), problem);
        }
    }
}
