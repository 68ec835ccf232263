package org.ronghe.assessment;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What a scheme may never score: activity on the platform instead of work — logins, online time, likes, screenshots,
 * uploads, photos (the report's "指尖上的形式主义"). Keys are matched word by word (LOGINS, onlineMinutes,
 * UPLOAD_COUNT), Chinese text by its words (登录, 在线时长, 点赞, 截图, 上传, 照片 and their near forms).
 */
final class Vanity {

    private record Word(String stem, String meaning) {
    }

    private static final List<Word> LATIN = List.of(new Word("LOGIN", "登录次数"), new Word("LOGON", "登录次数"),
            new Word("SIGNIN", "登录次数"), new Word("ONLINE", "在线时长"), new Word("LIKE", "点赞"), new Word("THUMBSUP", "点赞"),
            new Word("SCREENSHOT", "截图"), new Word("UPLOAD", "上传"), new Word("PHOTO", "照片"), new Word("PICTURE", "照片"),
            new Word("SELFIE", "照片"));
    private static final List<Word> CHINESE = List.of(new Word("登录", "登录次数"), new Word("登陆", "登录次数"),
            new Word("在线", "在线时长"), new Word("点赞", "点赞"), new Word("截图", "截图"), new Word("截屏", "截图"),
            new Word("上传", "上传"), new Word("照片", "照片"), new Word("拍照", "照片"), new Word("相片", "照片"), new Word("图片", "照片"));

    private Vanity() {
    }

    /** The forbidden measure the text names, if any. */
    static Optional<String> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        for (Word w : CHINESE) {
            if (text.contains(w.stem())) {
                return Optional.of(w.meaning());
            }
        }
        // split camelCase, snake_case and spaces into words; a word, or two written apart (SIGN_IN, SCREEN SHOT), matches
        // a stem it starts with (LOGINS, UPLOADED)
        String[] words = text.replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", " ")
                .trim().split(" ");
        for (int i = 0; i < words.length; i++) {
            String one = words[i];
            String two = i + 1 < words.length ? one + words[i + 1] : one;
            for (Word w : LATIN) {
                if (!one.isEmpty() && (one.startsWith(w.stem()) || two.startsWith(w.stem()))) {
                    return Optional.of(w.meaning());
                }
            }
        }
        return Optional.empty();
    }

    static String refusal(String basis, String meaning) {
        return "“" + basis + "”以" + meaning + "计分：考核只看工作实绩，不得以登录、在线时长、点赞、截图、上传或照片计分";
    }
}
