<?xml version="1.0" encoding="utf-8"?>
<!-- Makes an Atom or RSS feed of the board read as a page when opened in a browser (the
     feeds name it in an <?xml-stylesheet?> instruction; feed readers ignore it). -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:variable name="title" select="/atom:feed/atom:title | /rss/channel/title"/>
  <xsl:variable name="self" select="/atom:feed/atom:link[@rel='self']/@href | /rss/channel/atom:link[@rel='self']/@href"/>
  <xsl:variable name="home" select="/atom:feed/atom:link[not(@rel) or @rel='alternate']/@href | /rss/channel/link"/>
  <xsl:template match="/">
    <html lang="en">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/> (feed)</title>
        <style>
          :root { color-scheme: light dark; --fg: #1b1c1f; --bg: #fff; --muted: #55585f; --line: #d6d8dd; --link: #0b57d0; --card: #f6f7f9; }
          @media (prefers-color-scheme: dark) { :root { --fg: #e8e9ec; --bg: #121316; --muted: #b3b6bd; --line: #3a3d44; --link: #8ab4f8; --card: #1c1e22; } }
          body { margin: 0; font: 1rem/1.55 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
          main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
          a { color: var(--link); }
          .howto { background: var(--card); border: 1px solid var(--line); border-radius: .5rem; padding: .75rem 1rem; }
          .howto code { overflow-wrap: anywhere; font-size: .95rem; }
          ol.items { list-style: none; padding: 0; }
          ol.items li { border-bottom: 1px solid var(--line); padding: .6rem 0; }
          .muted { color: var(--muted); }
        </style>
      </head>
      <body>
        <main>
          <p class="muted">This is a feed: a page that updates itself in a feed reader.</p>
          <h1><xsl:value-of select="$title"/></h1>
          <section class="howto" aria-labelledby="howto-h">
            <h2 id="howto-h">How to subscribe</h2>
            <ol>
              <li>Copy this page's address: <code><xsl:value-of select="$self"/></code></li>
              <li>Paste it into a feed reader (for example Feedly, Inoreader, NetNewsWire, Thunderbird or a reader app on your phone) and choose “Add” or “Follow”.</li>
              <li>New postings then arrive there by themselves. Want a deadline calendar or another feed? Open <a href="{$home}">this feed's page on the board</a> and follow its “Subscribe” links.</li>
            </ol>
          </section>
          <h2>In this feed now</h2>
          <ol class="items">
            <xsl:for-each select="/atom:feed/atom:entry">
              <li><a href="{atom:link/@href}"><xsl:value-of select="atom:title"/></a>
                <br/><span class="muted">Posted <xsl:value-of select="substring(atom:published | atom:updated[not(../atom:published)], 1, 10)"/></span></li>
            </xsl:for-each>
            <xsl:for-each select="/rss/channel/item">
              <li><a href="{link}"><xsl:value-of select="title"/></a>
                <br/><span class="muted">Posted <xsl:value-of select="substring(pubDate, 6, 11)"/></span></li>
            </xsl:for-each>
          </ol>
          <xsl:if test="not(/atom:feed/atom:entry) and not(/rss/channel/item)"><p>Nothing open right now; subscribe and you will hear about the next one.</p></xsl:if>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
