<?xml version="1.0" encoding="UTF-8"?>
<!-- The persons register of an HTML edition, from the corpus register (persons.xml): every
     person with name variants, roles, authority links and a link to each mention
     (STEM.html#PERSON-n, the ids html.xsl gives the mentions). -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:include href="common.xsl"/>

  <xsl:template match="/">
    <xsl:call-template name="doctype"/>
    <html lang="en">
      <xsl:call-template name="html-head">
        <xsl:with-param name="title" select="'Persons'"/>
      </xsl:call-template>
      <body class="persons">
        <xsl:call-template name="nav"/>
        <main>
          <h1>Persons</h1>
          <xsl:apply-templates select="tei:TEI/tei:text//tei:listPerson/tei:person"/>
        </main>
      </body>
    </html>
  </xsl:template>

  <xsl:template match="tei:person">
    <xsl:variable name="id" select="@xml:id"/>
    <section class="person" id="{$id}">
      <h2>
        <xsl:value-of select="normalize-space((tei:persName[@type = 'canonical'] | tei:persName)[1])"/>
      </h2>
      <dl>
        <xsl:if test="tei:persName[@type = 'variant']">
          <dt>Also named</dt>
          <dd>
            <xsl:for-each select="tei:persName[@type = 'variant']">
              <xsl:if test="position() > 1">; </xsl:if>
              <xsl:value-of select="normalize-space(.)"/>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:if test="tei:occupation | tei:roleName">
          <dt>Roles</dt>
          <dd>
            <xsl:for-each select="tei:occupation | tei:roleName">
              <xsl:if test="position() > 1">; </xsl:if>
              <xsl:value-of select="normalize-space(.)"/>
            </xsl:for-each>
          </dd>
        </xsl:if>
        <xsl:if test="tei:idno[@type = 'wikidata' or @type = 'viaf']">
          <dt>Authority files</dt>
          <dd><xsl:apply-templates select="tei:idno[@type = 'wikidata' or @type = 'viaf']"/></dd>
        </xsl:if>
        <xsl:if test="tei:note[@type = 'mentions']/tei:ref">
          <dt>Mentioned in</dt>
          <dd>
            <ul class="mentions">
              <xsl:apply-templates select="tei:note[@type = 'mentions']/tei:ref">
                <xsl:with-param name="id" select="$id"/>
              </xsl:apply-templates>
            </ul>
          </dd>
        </xsl:if>
      </dl>
    </section>
  </xsl:template>

  <!-- an identifier that is not (yet) a real one, such as the placeholder "Q...", is shown, not linked -->
  <xsl:template match="tei:idno[@type = 'wikidata']">
    <xsl:variable name="q" select="normalize-space(.)"/>
    <xsl:if test="preceding-sibling::tei:idno[@type = 'wikidata' or @type = 'viaf']"> · </xsl:if>
    <xsl:choose>
      <xsl:when test="starts-with($q, 'Q') and string-length($q) > 1 and translate(substring($q, 2), '0123456789', '') = ''">
        <a href="https://www.wikidata.org/wiki/{$q}">Wikidata <xsl:value-of select="$q"/></a>
      </xsl:when>
      <xsl:otherwise>Wikidata <xsl:value-of select="$q"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:idno[@type = 'viaf']">
    <xsl:variable name="v" select="normalize-space(.)"/>
    <xsl:if test="preceding-sibling::tei:idno[@type = 'wikidata' or @type = 'viaf']"> · </xsl:if>
    <xsl:choose>
      <xsl:when test="$v != '' and translate($v, '0123456789', '') = ''">
        <a href="https://viaf.org/viaf/{$v}">VIAF <xsl:value-of select="$v"/></a>
      </xsl:when>
      <xsl:otherwise>VIAF <xsl:value-of select="$v"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- target is the TEI file (STEM.xml); its page is STEM.html -->
  <xsl:template match="tei:ref">
    <xsl:param name="id"/>
    <xsl:variable name="target" select="normalize-space(@target)"/>
    <xsl:variable name="page">
      <xsl:choose>
        <xsl:when test="substring($target, string-length($target) - 3) = '.xml'">
          <xsl:value-of select="concat(substring($target, 1, string-length($target) - 4), '.html')"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$target"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <li>
      <a href="{$page}"><xsl:value-of select="normalize-space(.)"/></a>
      <xsl:if test="@n > 0">
        <xsl:text>: </xsl:text>
        <xsl:call-template name="mention-links">
          <xsl:with-param name="href" select="concat($page, '#', $id, '-')"/>
          <xsl:with-param name="to" select="floor(@n)"/>
        </xsl:call-template>
      </xsl:if>
    </li>
  </xsl:template>

  <!-- links number $from to $to; split in halves so that thousands of mentions stay far from
       libxslt's template depth limit -->
  <xsl:template name="mention-links">
    <xsl:param name="href"/>
    <xsl:param name="from" select="1"/>
    <xsl:param name="to"/>
    <xsl:choose>
      <xsl:when test="$from = $to">
        <xsl:if test="$from > 1"><xsl:text> </xsl:text></xsl:if>
        <a class="mention" href="{$href}{$from}" aria-label="mention {$from}"><xsl:value-of select="$from"/></a>
      </xsl:when>
      <xsl:when test="$from &lt; $to">
        <xsl:variable name="mid" select="floor(($from + $to) div 2)"/>
        <xsl:call-template name="mention-links">
          <xsl:with-param name="href" select="$href"/>
          <xsl:with-param name="from" select="$from"/>
          <xsl:with-param name="to" select="$mid"/>
        </xsl:call-template>
        <xsl:call-template name="mention-links">
          <xsl:with-param name="href" select="$href"/>
          <xsl:with-param name="from" select="$mid + 1"/>
          <xsl:with-param name="to" select="$to"/>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
