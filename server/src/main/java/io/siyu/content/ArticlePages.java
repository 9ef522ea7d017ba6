package io.siyu.content;

import io.siyu.shared.Tenancy;
import io.siyu.shared.TenantId;
import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.UUID;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.util.HtmlUtils;

/**
 * The H5 page of an article written in Siyu: what a customer opens from the link card a message or a moments post
 * carries. Its address is {@code <public url>/h5/<tenant>/articles/<token>}; the token is the material's, random,
 * so pages cannot be walked by id. The body is Markdown, rendered with any HTML in it escaped.
 */
@Component
public class ArticlePages {

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Materials materials;
    private final URI publicUrl;
    private final Parser parser = Parser.builder().build();
    private final HtmlRenderer renderer =
            HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    ArticlePages(
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Materials materials,
            @Value("${siyu.public-url:http://localhost:8080}") URI publicUrl) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.materials = materials;
        this.publicUrl = publicUrl;
    }

    /** Where customers open the article: its own link, or (written in Siyu) its H5 page. */
    public String url(Material article) {
        return article.url() != null ? article.url() : page(article.id());
    }

    /** The public address of the article's cover, for a link card's picture; null without one. */
    public @Nullable String coverUrl(Material article) {
        return article.cover() == null ? null : page(article.id()) + "/cover";
    }

    private String page(long id) {
        var token = jdbc.sql("select share_token from material where id = ?")
                .param(id)
                .query(UUID.class)
                .single();
        var base = publicUrl.toString().replaceAll("/+$", "");
        return base + "/h5/" + Tenancy.required().value() + "/articles/" + token;
    }

    /** The article behind a page address, if there is one (of this tenant, an article, not deleted). */
    public Optional<Material> open(long tenant, String token) {
        UUID id;
        try {
            id = UUID.fromString(token);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Tenancy.callAs(
                new TenantId(tenant),
                () -> transactions.execute(
                        s -> jdbc.sql("select id from material where share_token = ? and kind = 'article'")
                                .param(id)
                                .query(Long.class)
                                .optional()
                                .map(materials::get)));
    }

    /** The page: a phone-sized article with its title, cover, description and body. */
    public String html(Material article, String coverPath) {
        var title = HtmlUtils.htmlEscape(article.title());
        var body = article.body() == null ? "" : renderer.render(parser.parse(article.body()));
        var cover = article.cover() == null
                ? ""
                : "<img class=\"cover\" alt=\"\" src=\"" + HtmlUtils.htmlEscape(coverPath) + "\">";
        var lead = article.description() == null
                ? ""
                : "<p class=\"lead\">" + HtmlUtils.htmlEscape(article.description()) + "</p>";
        var date = DateTimeFormatter.ISO_LOCAL_DATE.format(
                article.updatedAt().atZone(java.time.ZoneId.of("Asia/Shanghai")));
        return PAGE.formatted(title, title, date, cover, lead, body);
    }

    /** The page shown for an address that leads nowhere. */
    public static String missing() {
        return PAGE.formatted("文章不存在", "文章不存在或已下线", "", "", "<p class=\"lead\">This article does not exist.</p>", "");
    }

    private static final String PAGE = """
            <!doctype html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
            <title>%s</title>
            <style>
            body{margin:0;background:#fff;color:#1f2329;font:17px/1.75 -apple-system,"PingFang SC","Microsoft YaHei",sans-serif}
            main{max-width:680px;margin:0 auto;padding:20px 18px 48px}
            h1.title{font-size:22px;line-height:1.4;margin:0 0 8px}
            .date{color:#8a919f;font-size:14px;margin-bottom:16px}
            .cover{width:100%%;border-radius:8px;margin-bottom:16px}
            .lead{color:#5c6370;font-size:15px;border-left:3px solid #2f6fed;padding-left:10px}
            article img{max-width:100%%}
            article a{color:#2f6fed}
            pre,code{background:#f5f6f8;border-radius:4px;padding:2px 4px;overflow-x:auto}
            blockquote{margin:0;padding-left:12px;color:#5c6370;border-left:3px solid #dfe3ea}
            </style>
            </head>
            <body>
            <main>
            <h1 class="title">%s</h1>
            <div class="date">%s</div>
            %s
            %s
            <article>%s</article>
            </main>
            </body>
            </html>
            """;
}
