<?xml version="1.0" encoding="UTF-8"?>
<!-- One TEI document to plain text for reading and full-text indexing: a title block, the text
     with one line per paragraph (no hard wrapping) and blank lines between paragraphs, note
     references as [10] with the notes after the text, page breaks as [p. 4]. Every word of the
     TEI text comes out once and in order; whitespace inside a paragraph is normalised. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:output method="text" encoding="UTF-8"/>

  <!-- whitespace in these only indents the XML; in mixed content it separates words and stays -->
  <xsl:strip-space elements="tei:TEI tei:text tei:front tei:body tei:back tei:div tei:floatingText
                             tei:list tei:table tei:row tei:figure tei:lg"/>

  <!-- 'no' leaves the page breaks out -->
  <xsl:param name="page-markers" select="'yes'"/>

  <!-- a line break inside a paragraph survives normalize-space as this character -->
  <xsl:variable name="LB" select="'&#x2028;'"/>

  <xsl:template match="/">
    <xsl:apply-templates select="tei:TEI"/>
  </xsl:template>

  <xsl:template match="tei:TEI">
    <xsl:variable name="header" select="tei:teiHeader"/>
    <xsl:value-of select="normalize-space($header/tei:fileDesc/tei:titleStmt/tei:title[1])"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:for-each select="($header/tei:profileDesc/tei:creation//tei:date | tei:text//tei:dateline//tei:date)[1]">
      <xsl:text>Date: </xsl:text>
      <xsl:value-of select="normalize-space(.)"/>
      <xsl:if test="@when and normalize-space(.) != @when"> (<xsl:value-of select="@when"/>)</xsl:if>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="$header/tei:fileDesc/tei:sourceDesc/tei:bibl[1]">
      <xsl:text>Source: </xsl:text>
      <xsl:variable name="citation"><xsl:apply-templates mode="cite"/></xsl:variable>
      <xsl:value-of select="normalize-space($citation)"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:text>&#10;</xsl:text>
    <xsl:apply-templates select="tei:text"/>
    <xsl:variable name="notes" select="tei:text//tei:note[not(@type = 'source')]"/>
    <xsl:if test="$notes">
      <xsl:text>Notes&#10;&#10;</xsl:text>
      <xsl:for-each select="$notes">
        <xsl:call-template name="line">
          <xsl:with-param name="prefix"><xsl:call-template name="note-ref"/><xsl:text> </xsl:text></xsl:with-param>
          <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
          <xsl:with-param name="end" select="'&#10;'"/>
        </xsl:call-template>
      </xsl:for-each>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:idno | tei:note" mode="cite"/>
  <xsl:template match="tei:ref[starts-with(@target, 'http')]" mode="cite">
    <xsl:text> </xsl:text><xsl:value-of select="@target"/>
  </xsl:template>

  <!-- blocks: a container's children are blocks, or runs of phrase-level nodes between blocks,
       each run a paragraph of its own -->

  <xsl:template match="tei:p | tei:closer | tei:opener | tei:signed | tei:text | tei:body | tei:front | tei:back
                     | tei:div | tei:floatingText | tei:quote | tei:lg | tei:postscript | tei:argument | tei:epigraph"
                name="blocks">
    <xsl:apply-templates select="node()" mode="block"/>
  </xsl:template>

  <xsl:template match="node()" mode="block">
    <xsl:variable name="block"><xsl:apply-templates select="." mode="is-block"/></xsl:variable>
    <xsl:variable name="after-block"><xsl:apply-templates select="preceding-sibling::node()[1]" mode="is-block"/></xsl:variable>
    <xsl:choose>
      <xsl:when test="$block = 'b'"><xsl:apply-templates select="."/></xsl:when>
      <xsl:when test="not(preceding-sibling::node()) or $after-block = 'b'">
        <xsl:call-template name="line">
          <xsl:with-param name="content"><xsl:apply-templates select="." mode="run"/></xsl:with-param>
        </xsl:call-template>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="node()" mode="run">
    <xsl:apply-templates select="."/>
    <xsl:variable name="next-is-block"><xsl:apply-templates select="following-sibling::node()[1]" mode="is-block"/></xsl:variable>
    <xsl:if test="$next-is-block = ''">
      <xsl:apply-templates select="following-sibling::node()[1]" mode="run"/>
    </xsl:if>
  </xsl:template>

  <xsl:template mode="is-block" match="tei:text | tei:front | tei:body | tei:back | tei:p | tei:head | tei:list | tei:table | tei:figure | tei:floatingText
      | tei:div | tei:lg | tei:l | tei:opener | tei:closer | tei:signed | tei:dateline | tei:salute
      | tei:byline | tei:docAuthor | tei:trailer | tei:postscript | tei:argument | tei:epigraph
      | tei:quote[tei:p | tei:lg | tei:list or @rend = 'blockquote']
      | tei:note[@type = 'source'][parent::tei:div or parent::tei:body]">b</xsl:template>
  <xsl:template mode="is-block" match="node()"/>

  <xsl:template match="tei:head | tei:dateline | tei:salute | tei:byline | tei:docAuthor | tei:trailer | tei:l
                     | tei:note[@type = 'source'][parent::tei:div or parent::tei:body]" priority="1">
    <xsl:call-template name="line">
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- a paragraph holds only phrases most of the time; then it is one line without the block walk -->
  <xsl:template match="tei:p[not(tei:list | tei:table | tei:figure | tei:floatingText | tei:lg | tei:quote)]
                     | tei:signed[not(tei:list)]">
    <xsl:call-template name="line">
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <!-- one item per line, bulleted as the source lists are; a timeline's entries begin with their date -->
  <xsl:template match="tei:list">
    <xsl:apply-templates select="tei:head"/>
    <xsl:apply-templates select="tei:item | tei:pb"/>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <xsl:template match="tei:list/tei:item">
    <xsl:call-template name="line">
      <xsl:with-param name="prefix">
        <xsl:choose>
          <xsl:when test="../@type = 'timeline'"/>
          <xsl:when test="preceding-sibling::*[1][self::tei:label]"><xsl:text>  </xsl:text></xsl:when>
          <xsl:otherwise><xsl:text>  • </xsl:text></xsl:otherwise>
        </xsl:choose>
      </xsl:with-param>
      <xsl:with-param name="content">
        <xsl:for-each select="preceding-sibling::*[1][self::tei:label]">
          <xsl:apply-templates/>
          <xsl:text> </xsl:text>
        </xsl:for-each>
        <xsl:apply-templates/>
      </xsl:with-param>
      <xsl:with-param name="end" select="'&#10;'"/>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:list/tei:pb">
    <xsl:if test="$page-markers != 'no'">
      <xsl:call-template name="page-marker"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:figure">
    <xsl:apply-templates select="node()" mode="block"/>
  </xsl:template>
  <xsl:template match="tei:figure/tei:head">
    <xsl:call-template name="line">
      <xsl:with-param name="content"><xsl:apply-templates/></xsl:with-param>
    </xsl:call-template>
  </xsl:template>

  <xsl:template match="tei:table">
    <xsl:apply-templates select="tei:head"/>
    <xsl:for-each select="tei:row">
      <xsl:call-template name="line">
        <xsl:with-param name="content">
          <xsl:for-each select="tei:cell">
            <xsl:if test="position() > 1"><xsl:text> | </xsl:text></xsl:if>
            <xsl:apply-templates/>
          </xsl:for-each>
        </xsl:with-param>
        <xsl:with-param name="end" select="'&#10;'"/>
      </xsl:call-template>
    </xsl:for-each>
    <xsl:text>&#10;</xsl:text>
  </xsl:template>

  <!-- phrases -->

  <xsl:template match="tei:note">
    <xsl:call-template name="note-ref"/>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'source']">
    <xsl:apply-templates/>
  </xsl:template>

  <xsl:template name="note-ref">
    <xsl:text>[</xsl:text>
    <xsl:choose>
      <xsl:when test="@n"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
      <xsl:otherwise><xsl:number level="any" from="tei:text" count="tei:note[not(@type = 'source')]"/></xsl:otherwise>
    </xsl:choose>
    <xsl:text>]</xsl:text>
  </xsl:template>

  <xsl:template match="tei:pb" name="page-marker">
    <xsl:if test="$page-markers != 'no'">
      <xsl:text>[p.</xsl:text>
      <xsl:if test="@n"><xsl:text> </xsl:text><xsl:value-of select="normalize-space(@n)"/></xsl:if>
      <xsl:text>]</xsl:text>
    </xsl:if>
  </xsl:template>

  <xsl:template match="tei:lb">
    <xsl:value-of select="$LB"/>
  </xsl:template>

  <xsl:template match="tei:teiHeader | tei:list/tei:label"/>

  <!-- a block that turns up inside a phrase (a list in a note, say) still keeps its words -->
  <xsl:template name="line">
    <xsl:param name="prefix" select="''"/>
    <xsl:param name="content"/>
    <xsl:param name="end" select="'&#10;&#10;'"/>
    <xsl:variable name="text" select="normalize-space($content)"/>
    <xsl:if test="$text != '' or normalize-space($prefix) != ''">
      <xsl:value-of select="$prefix"/>
      <xsl:value-of select="translate($text, $LB, '&#10;')"/>
      <xsl:value-of select="$end"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
