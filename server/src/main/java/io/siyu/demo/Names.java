package io.siyu.demo;

import java.util.SplittableRandom;

/** Plausible Chinese names for generated people; drawn from the caller's random so they stay deterministic. */
final class Names {

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉玲晨欣怡浩宇子涵梓轩雨彤思源佳琪一诺嘉怡俊熙";

    private Names() {}

    static String person(SplittableRandom random) {
        var name = new StringBuilder(3);
        name.append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        if (random.nextInt(3) > 0) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }
}
