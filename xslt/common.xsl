<?xml version="1.0" encoding="UTF-8"?>
<!-- What every page of the HTML edition shares: the head, the navigation and the way a
     document's title, date and source are read from its TEI header. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <!-- the html serialiser writes the charset declaration itself (a meta http-equiv as the first
       child of head); a second <meta charset> beside it would make the page invalid -->
  <xsl:output method="html" encoding="UTF-8" indent="no"/>

  <!-- '' when the page stands alone; otherwise the pages it can link to -->
  <xsl:param name="index-page" select="''"/>
  <xsl:param name="persons-page" select="''"/>

  <xsl:template name="doctype">
    <xsl:text disable-output-escaping="yes">&lt;!DOCTYPE html&gt;&#10;</xsl:text>
  </xsl:template>

  <xsl:template name="html-head">
    <xsl:param name="title"/>
    <head>
      <meta name="viewport" content="width=device-width, initial-scale=1"/>
      <title><xsl:value-of select="$title"/></title>
      <link rel="stylesheet" href="edition.css"/>
      <script src="notes.js" defer="defer"></script>
    </head>
  </xsl:template>

  <xsl:template name="nav">
    <xsl:if test="$index-page != '' or $persons-page != ''">
      <nav class="corpus" aria-label="Edition">
        <xsl:if test="$index-page != ''">
          <a href="{$index-page}">Documents</a>
        </xsl:if>
        <xsl:if test="$index-page != '' and $persons-page != ''">
          <xsl:text> · </xsl:text>
        </xsl:if>
        <xsl:if test="$persons-page != ''">
          <a href="{$persons-page}">Persons</a>
        </xsl:if>
      </nav>
    </xsl:if>
  </xsl:template>

  <!-- a document's title, date and source, with tei:TEI as the context -->

  <xsl:template match="tei:TEI" mode="title">
    <xsl:value-of select="normalize-space(tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[1])"/>
  </xsl:template>

  <!-- the header's creation date is the document's own date; failing that, the first date of a
       dateline (a date in a footnote is not the document's date) -->
  <xsl:template match="tei:TEI" mode="date">
    <xsl:apply-templates mode="date-value"
        select="(tei:teiHeader/tei:profileDesc/tei:creation//tei:date | tei:text//tei:dateline//tei:date)[1]"/>
  </xsl:template>

  <xsl:template match="tei:date" mode="date-value">
    <xsl:choose>
      <xsl:when test="@when">
        <time datetime="{@when}"><xsl:value-of select="normalize-space(.)"/></time>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="normalize-space(.)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:TEI" mode="source">
    <xsl:apply-templates mode="cite" select="tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl"/>
  </xsl:template>

  <!-- the citation shows what a reader needs to find the source; file name and checksum are
       for machines and stay in the TEI -->
  <xsl:template match="tei:bibl" mode="cite">
    <span class="citation"><xsl:apply-templates mode="cite"/></span>
  </xsl:template>
  <xsl:template match="tei:idno | tei:note" mode="cite"/>
  <xsl:template match="tei:title" mode="cite"><cite><xsl:apply-templates mode="cite"/></cite></xsl:template>
  <xsl:template match="tei:ref[starts-with(@target, 'http://') or starts-with(@target, 'https://')]" mode="cite">
    <xsl:if test="preceding-sibling::node()"><xsl:text> </xsl:text></xsl:if>
    <!-- "url": the link text is its address already, print need not repeat it -->
    <a class="{normalize-space(concat('source-link ', substring('url', 1, 3 * (normalize-space(.) = @target))))}"
       href="{@target}"><xsl:apply-templates mode="cite"/></a>
  </xsl:template>
  <xsl:template match="text()" mode="cite">
    <xsl:value-of select="translate(., '&#9;&#10;&#13;', '   ')"/>
  </xsl:template>
</xsl:stylesheet>
