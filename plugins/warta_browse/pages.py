"""Region and source pages with feeds; the site feed; sitemaps and robots.txt."""

from __future__ import annotations

import datetime as dt
import os

from pelican.generators import Generator

from warta.sitemaps import Entry, NewsEntry, news_sitemap, recent, robots_txt, sitemap
from warta.structured import absolute, feed_context, site_base

from .groups import CONTEXT_KEY

FEED_SIZE = 50
LABELS = {
    "wilayah": ("Wilayah", "Berita menurut wilayah"),
    "sumber": ("Sumber", "Berita menurut sumber"),
}


class BrowsePagesGenerator(Generator):
    def generate_context(self) -> None:
        """Nothing to read: grouping happened after the articles were read."""

    def generate_output(self, writer) -> None:
        data = self.context.get(CONTEXT_KEY)
        if data is None:
            return
        relative = self.settings["RELATIVE_URLS"]
        for kind, groups in (("wilayah", data["regions"]), ("sumber", data["sources"])):
            label, heading = LABELS[kind]
            for group in groups:
                context = self.context.copy()
                # The search's filter values of the group: its articles'
                # own spellings, as their pages give them to the index.
                values = [" ".join(name.split()) for name in group.spellings]
                context.update(group=group, group_label=label, search_values=values)
                writer.write_file(
                    group.url + "index.html",
                    self.get_template("kelompok"),
                    context,
                    relative_urls=relative,
                    paginated={"articles": group.articles},
                    template_name="kelompok",
                    url=group.url,
                    page_name=group.url.rstrip("/"),
                )
                writer.write_feed(
                    group.articles[:FEED_SIZE],
                    feed_context(context, self.settings),
                    group.feed_url,
                    feed_title=group.name,
                )
            context = self.context.copy()
            context.update(
                groups=groups,
                group_kind=kind,
                group_label=label,
                group_heading=heading,
                counts={group.id: len(group.articles) for group in groups},
            )
            writer.write_file(
                f"{kind}/index.html",
                self.get_template("kelompok_index"),
                context,
                relative_urls=relative,
                url=f"{kind}/",
                page_name=f"{kind}_index",
            )
        articles = sorted(
            self.context.get("articles", []), key=lambda a: a.date, reverse=True
        )
        writer.write_feed(
            articles[:FEED_SIZE],
            feed_context(self.context, self.settings),
            "feeds/semua.atom.xml",
            feed_title="semua berita",
        )
        self._write_indicator_feeds(writer)
        self._write_sitemaps(articles, data)

    def _write_indicator_feeds(self, writer) -> None:
        indicators = self.context.get("warta_indicators")
        if not indicators:
            return
        for indicator in indicators["catalogue"].indicators:
            entries = indicators["groups"].get(indicator.id, [])
            added = indicators.get("added", {}).get(indicator.id, [])
            articles = sorted(
                {id(a): a for a in [*(a for a, _f in entries), *added]}.values(),
                key=lambda a: a.date,
                reverse=True,
            )
            if articles:
                writer.write_feed(
                    articles[:FEED_SIZE],
                    feed_context(self.context, self.settings),
                    f"indikator/{indicator.id}/feed.atom.xml",
                    feed_title=indicator.name,
                )

    def _write_sitemaps(self, articles, data) -> None:
        base = site_base(self.settings)
        entries = [Entry(absolute(base, ""), articles[0].date if articles else None)]
        entries += [
            Entry(absolute(base, a.url), getattr(a, "modified", None) or a.date)
            for a in articles
        ]
        for page in self.context.get("pages", []):
            entries.append(Entry(absolute(base, page.url)))
        for groups in (data["regions"], data["sources"]):
            entries += [
                Entry(absolute(base, g.url), g.articles[0].date) for g in groups
            ]
        entities = self.context.get("warta_entities")
        if entities:
            for entity_id, entry in entities["index"].items():
                if entry.mentions:
                    path = (
                        "lembaga" if entry.kind == "agency" else "tokoh"
                    ) + f"/{entity_id}/"
                    entries.append(Entry(absolute(base, path), entry.newest))
        indicators = self.context.get("warta_indicators")
        if indicators:
            for indicator_id, found in indicators["groups"].items():
                if indicator_id:
                    newest = max(article.date for article, _f in found)
                    entries.append(
                        Entry(absolute(base, f"indikator/{indicator_id}/"), newest)
                    )
        news = [
            NewsEntry(absolute(base, a.url), a.title, a.date) for a in articles[:1000]
        ]
        now = (
            dt.datetime.now(articles[0].date.tzinfo) if articles else dt.datetime.now()
        )
        out = self.output_path
        with open(os.path.join(out, "sitemap.xml"), "wb") as stream:
            stream.write(sitemap(entries))
        with open(os.path.join(out, "sitemap-berita.xml"), "wb") as stream:
            stream.write(news_sitemap(recent(news, now), self.settings["SITENAME"]))
        with open(os.path.join(out, "robots.txt"), "w", encoding="utf-8") as stream:
            stream.write(
                robots_txt(
                    [
                        absolute(base, "sitemap.xml"),
                        absolute(base, "sitemap-berita.xml"),
                    ]
                )
            )
