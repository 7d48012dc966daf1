<?xml version="1.0" encoding="UTF-8"?>
<!-- One TEI document to one HTML5 page: header block (title, date, source), the text with
     page markers, linked person names and numbered note references, the notes at the bottom
     (each linking back to its reference) and how the text was encoded. -->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tei="http://www.tei-c.org/ns/1.0"
    exclude-result-prefixes="tei">

  <xsl:include href="common.xsl"/>

  <!-- every mention of a register person in the text, by the person's id (first token of @ref):
       the n-th one gets the id "PERSON-n" so that persons.html can link to it -->
  <xsl:key name="mentions" use="substring-before(concat(normalize-space(@ref), ' '), ' ')"
      match="tei:text//tei:persName[starts-with(normalize-space(@ref), '#')]
           | tei:text//tei:rs[starts-with(normalize-space(@ref), '#')]"/>

  <xsl:template match="/">
    <xsl:call-template name="doctype"/>
    <xsl:apply-templates select="tei:TEI"/>
  </xsl:template>

  <xsl:template match="tei:TEI">
    <xsl:variable name="title"><xsl:apply-templates select="." mode="title"/></xsl:variable>
    <xsl:variable name="notes" select="tei:text//tei:note[not(@type = 'source')]"/>
    <html>
      <xsl:if test="@xml:lang">
        <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
      </xsl:if>
      <xsl:call-template name="html-head">
        <xsl:with-param name="title" select="$title"/>
      </xsl:call-template>
      <body>
        <xsl:call-template name="nav"/>
        <header class="edition-meta">
          <dl>
            <dt>Title</dt>
            <dd><xsl:value-of select="$title"/></dd>
            <xsl:variable name="date"><xsl:apply-templates select="." mode="date"/></xsl:variable>
            <xsl:if test="string($date) != ''">
              <dt>Date</dt>
              <dd><xsl:apply-templates select="." mode="date"/></dd>
            </xsl:if>
            <xsl:if test="tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:bibl">
              <dt>Source</dt>
              <dd><xsl:apply-templates select="." mode="source"/></dd>
            </xsl:if>
          </dl>
        </header>
        <main>
          <article class="text">
            <xsl:if test="not(tei:text/tei:body/tei:head | tei:text/tei:body/tei:div[1]/tei:head)">
              <h1><xsl:value-of select="$title"/></h1>
            </xsl:if>
            <xsl:apply-templates select="tei:text"/>
          </article>
          <xsl:if test="$notes">
            <section class="notes" aria-labelledby="notes-heading">
              <h2 id="notes-heading">Notes</h2>
              <ol class="notes">
                <xsl:apply-templates select="$notes" mode="footnote"/>
              </ol>
            </section>
          </xsl:if>
        </main>
        <footer class="encoding" aria-labelledby="encoding-heading">
          <h2 id="encoding-heading">About this edition</h2>
          <xsl:apply-templates mode="meta"
              select="tei:teiHeader/tei:fileDesc/tei:editionStmt/tei:edition
                    | tei:teiHeader/tei:encodingDesc/tei:editorialDecl
                    | tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:availability"/>
        </footer>
      </body>
    </html>
  </xsl:template>

  <!-- structure -->

  <xsl:template match="tei:text | tei:body | tei:front | tei:back | tei:floatingText/tei:body">
    <xsl:apply-templates/>
  </xsl:template>

  <!-- the file number (FRUS's source note) stands above the heading, as on the FRUS site -->
  <xsl:template match="tei:div">
    <xsl:variable name="class" select="normalize-space(concat('div ', @type))"/>
    <xsl:choose>
      <xsl:when test="tei:head"><section class="{$class}"><xsl:call-template name="div-content"/></section></xsl:when>
      <xsl:otherwise><div class="{$class}"><xsl:call-template name="div-content"/></div></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="div-content">
    <xsl:apply-templates select="tei:note[@type = 'source']"/>
    <xsl:apply-templates select="node()[not(self::tei:note[@type = 'source'])]"/>
  </xsl:template>

  <xsl:template match="tei:note[@type = 'source']">
    <p class="source-note"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:head">
    <xsl:variable name="depth" select="count(ancestor::tei:div | ancestor::tei:floatingText)"/>
    <xsl:variable name="level">
      <xsl:choose>
        <xsl:when test="$depth &lt; 1">1</xsl:when>
        <xsl:when test="$depth &gt; 6">6</xsl:when>
        <xsl:otherwise><xsl:value-of select="$depth"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="h{$level}"><xsl:apply-templates/></xsl:element>
  </xsl:template>

  <!-- a TEI paragraph may hold a list or a quoted document, an HTML <p> may not -->
  <xsl:template match="tei:p">
    <xsl:choose>
      <xsl:when test="tei:list | tei:floatingText | tei:table | tei:figure | tei:lg
                      | tei:quote[tei:p | tei:lg | tei:list or @rend = 'blockquote']">
        <div class="p"><xsl:apply-templates/></div>
      </xsl:when>
      <xsl:otherwise><p><xsl:apply-templates/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:floatingText">
    <blockquote class="{normalize-space(concat('floatingText ', @type))}"><xsl:apply-templates/></blockquote>
  </xsl:template>

  <xsl:template match="tei:quote[tei:p | tei:lg | tei:list or @rend = 'blockquote']">
    <blockquote><xsl:apply-templates/></blockquote>
  </xsl:template>

  <xsl:template match="tei:opener | tei:closer | tei:lg | tei:argument | tei:epigraph | tei:postscript">
    <div class="{local-name()}"><xsl:apply-templates/></div>
  </xsl:template>

  <xsl:template match="tei:signed">
    <xsl:choose>
      <xsl:when test="tei:list"><div class="signed"><xsl:apply-templates/></div></xsl:when>
      <xsl:otherwise><p class="signed"><xsl:apply-templates/></p></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:dateline | tei:salute | tei:byline | tei:docAuthor | tei:trailer | tei:l">
    <p class="{local-name()}"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:bibl">
    <xsl:choose>
      <xsl:when test="parent::tei:div | parent::tei:body">
        <p class="{normalize-space(concat('bibl ', @type))}"><xsl:apply-templates/></p>
      </xsl:when>
      <xsl:otherwise><span class="bibl"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- lists -->

  <xsl:template match="tei:list">
    <xsl:apply-templates select="tei:head"/>
    <xsl:variable name="class" select="normalize-space(concat(@type, ' ', substring('labelled', 1, 8 * count(tei:label[1]))))"/>
    <xsl:choose>
      <xsl:when test="@type = 'articles' or @type = 'ordered' or @type = 'numbered' or @rend = 'numbered'">
        <ol class="{$class}"><xsl:apply-templates select="node()[not(self::tei:head or self::tei:label)]"/></ol>
      </xsl:when>
      <xsl:otherwise>
        <ul class="{$class}"><xsl:apply-templates select="node()[not(self::tei:head or self::tei:label)]"/></ul>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:list/tei:head">
    <p class="list-head"><xsl:apply-templates/></p>
  </xsl:template>

  <xsl:template match="tei:item">
    <li>
      <xsl:if test="parent::tei:list[@type = 'articles' or @type = 'ordered' or @type = 'numbered' or @rend = 'numbered']
                    and string(number(@n)) != 'NaN' and not(contains(@n, '.'))">
        <xsl:attribute name="value"><xsl:value-of select="@n"/></xsl:attribute>
      </xsl:if>
      <xsl:for-each select="preceding-sibling::*[1][self::tei:label]">
        <span class="label"><xsl:apply-templates/></span>
        <xsl:text> </xsl:text>
      </xsl:for-each>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <!-- inside ul/ol only li may stand -->
  <xsl:template match="tei:list/tei:pb">
    <li class="pb-item"><xsl:call-template name="page-marker"/></li>
  </xsl:template>
  <xsl:template match="tei:list/text()"/>

  <!-- figures and tables -->

  <xsl:template match="tei:figure">
    <figure class="{normalize-space(concat('figure ', @type))}">
      <xsl:apply-templates select="tei:graphic"/>
      <xsl:if test="tei:head | tei:figDesc">
        <figcaption><xsl:apply-templates select="tei:head | tei:figDesc"/></figcaption>
      </xsl:if>
      <xsl:apply-templates select="node()[not(self::tei:graphic or self::tei:head or self::tei:figDesc)]"/>
    </figure>
  </xsl:template>

  <xsl:template match="tei:figure/tei:head | tei:figure/tei:figDesc">
    <span class="{local-name()}"><xsl:apply-templates/></span>
  </xsl:template>

  <xsl:template match="tei:graphic">
    <img src="{@url}" alt="{normalize-space(../tei:figDesc | ../tei:head)}"/>
  </xsl:template>

  <xsl:template match="tei:table">
    <table>
      <xsl:if test="tei:head"><caption><xsl:apply-templates select="tei:head/node()"/></caption></xsl:if>
      <xsl:apply-templates select="tei:row"/>
    </table>
  </xsl:template>
  <xsl:template match="tei:row"><tr><xsl:apply-templates select="tei:cell"/></tr></xsl:template>
  <xsl:template match="tei:cell">
    <xsl:choose>
      <xsl:when test="@role = 'label' or ../@role = 'label'"><th><xsl:apply-templates/></th></xsl:when>
      <xsl:otherwise><td><xsl:apply-templates/></td></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- phrases -->

  <xsl:template match="tei:pb" name="page-marker">
    <xsl:choose>
      <xsl:when test="@n">
        <span class="pb" id="p{translate(normalize-space(@n), ' ', '_')}">[p. <xsl:value-of select="@n"/>]</span>
      </xsl:when>
      <xsl:otherwise><span class="pb">[p.]</span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:lb"><br/></xsl:template>

  <xsl:template match="tei:note">
    <xsl:variable name="id"><xsl:call-template name="note-id"/></xsl:variable>
    <sup class="fnref"><a id="fnref-{$id}" href="#fn-{$id}" role="doc-noteref"><xsl:call-template name="note-label"/></a></sup>
  </xsl:template>

  <xsl:template match="tei:note" mode="footnote">
    <xsl:variable name="id"><xsl:call-template name="note-id"/></xsl:variable>
    <li id="fn-{$id}">
      <a class="fn-back" href="#fnref-{$id}" title="Back to the text"><xsl:call-template name="note-label"/></a>
      <xsl:text> </xsl:text>
      <xsl:apply-templates/>
    </li>
  </xsl:template>

  <!-- the source's own note numbers (10, 11, 12); a note without one is counted -->
  <xsl:template name="note-label">
    <xsl:choose>
      <xsl:when test="@n"><xsl:value-of select="normalize-space(@n)"/></xsl:when>
      <xsl:otherwise>
        <xsl:number level="any" from="tei:text" count="tei:note[not(@type = 'source')]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- #fn-10 for note 10; a number the volume repeats ("Not printed" three times as 23) gets
       #fn-23, #fn-23-2, #fn-23-3, so that every id on the page is unique -->
  <xsl:template name="note-id">
    <xsl:choose>
      <xsl:when test="@n">
        <xsl:value-of select="translate(normalize-space(@n), ' ', '_')"/>
        <xsl:variable name="before" select="count(preceding::tei:note[@n = current()/@n])"/>
        <xsl:if test="$before"><xsl:value-of select="concat('-', $before + 1)"/></xsl:if>
      </xsl:when>
      <xsl:otherwise>
        <xsl:text>n</xsl:text>
        <xsl:number level="any" from="tei:text" count="tei:note[not(@type = 'source')]"/>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:text//tei:persName[starts-with(normalize-space(@ref), '#')]
                     | tei:text//tei:rs[starts-with(normalize-space(@ref), '#')]">
    <xsl:variable name="ref" select="substring-before(concat(normalize-space(@ref), ' '), ' ')"/>
    <xsl:variable name="me" select="generate-id()"/>
    <xsl:variable name="n">
      <xsl:for-each select="key('mentions', $ref)">
        <xsl:if test="generate-id() = $me"><xsl:value-of select="position()"/></xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:variable name="id" select="concat(substring($ref, 2), '-', $n)"/>
    <xsl:choose>
      <!-- a link may not hold another link (a note reference, a nested name) nor sit in one -->
      <xsl:when test="$persons-page = ''
                      or .//tei:note[not(@type = 'source')] | .//tei:ref | .//tei:persName[@ref] | .//tei:rs[@ref]
                      or ancestor::tei:ref | ancestor::tei:persName[@ref] | ancestor::tei:rs[@ref]">
        <span class="person" id="{$id}"><xsl:apply-templates/></span>
      </xsl:when>
      <xsl:otherwise>
        <a class="person" id="{$id}" href="{$persons-page}#{substring($ref, 2)}"><xsl:apply-templates/></a>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:date[@when]">
    <time datetime="{@when}"><xsl:apply-templates/></time>
  </xsl:template>

  <xsl:template match="tei:ref[starts-with(@target, 'http://') or starts-with(@target, 'https://')]">
    <a href="{@target}"><xsl:apply-templates/></a>
  </xsl:template>

  <xsl:template match="tei:hi">
    <xsl:variable name="rend" select="concat(' ', normalize-space(@rend), ' ')"/>
    <xsl:choose>
      <xsl:when test="contains($rend, ' italic ')"><i><xsl:apply-templates/></i></xsl:when>
      <xsl:when test="contains($rend, ' bold ')"><b><xsl:apply-templates/></b></xsl:when>
      <xsl:when test="contains($rend, ' sup ') or contains($rend, ' superscript ')"><sup><xsl:apply-templates/></sup></xsl:when>
      <xsl:when test="contains($rend, ' sub ') or contains($rend, ' subscript ')"><sub><xsl:apply-templates/></sub></xsl:when>
      <xsl:when test="contains($rend, ' underline ')"><u><xsl:apply-templates/></u></xsl:when>
      <xsl:otherwise><span class="{normalize-space(concat('hi ', @rend))}"><xsl:apply-templates/></span></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="tei:gap">
    <span class="gap" title="{normalize-space(concat('omitted ', @reason))}">[…]</span>
  </xsl:template>

  <!-- anything else keeps its words and says what it was -->
  <xsl:template match="tei:*">
    <xsl:variable name="tag">
      <xsl:choose>
        <xsl:when test="tei:p | tei:list | tei:div | tei:table | tei:lg | tei:floatingText">div</xsl:when>
        <xsl:otherwise>span</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$tag}">
      <xsl:attribute name="class"><xsl:value-of select="local-name()"/></xsl:attribute>
      <xsl:if test="@xml:lang">
        <xsl:attribute name="lang"><xsl:value-of select="@xml:lang"/></xsl:attribute>
      </xsl:if>
      <xsl:apply-templates/>
    </xsl:element>
  </xsl:template>

  <xsl:template match="tei:teiHeader"/>

  <!-- how the text was encoded, from the header -->

  <xsl:template match="tei:edition | tei:availability" mode="meta">
    <p><xsl:apply-templates mode="meta"/></p>
  </xsl:template>
  <xsl:template match="tei:editorialDecl | tei:normalization | tei:correction | tei:hyphenation
                     | tei:segmentation | tei:interpretation | tei:quotation | tei:punctuation" mode="meta">
    <xsl:apply-templates mode="meta"/>
  </xsl:template>
  <!-- the list of what was left out sits in a TEI p; an HTML p may not hold a list -->
  <xsl:template match="tei:p" mode="meta">
    <xsl:variable name="element">
      <xsl:choose>
        <xsl:when test="tei:list">div</xsl:when>
        <xsl:otherwise>p</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:element name="{$element}">
      <xsl:if test="@rend"><xsl:attribute name="class"><xsl:value-of select="@rend"/></xsl:attribute></xsl:if>
      <xsl:apply-templates mode="meta"/>
    </xsl:element>
  </xsl:template>
  <xsl:template match="tei:list" mode="meta"><ul><xsl:apply-templates select="tei:item" mode="meta"/></ul></xsl:template>
  <xsl:template match="tei:item" mode="meta"><li><xsl:apply-templates mode="meta"/></li></xsl:template>
  <xsl:template match="tei:licence[@target]" mode="meta"><a href="{@target}"><xsl:apply-templates mode="meta"/></a></xsl:template>
  <xsl:template match="tei:*" mode="meta"><span class="{local-name()}"><xsl:apply-templates mode="meta"/></span></xsl:template>
</xsl:stylesheet>
